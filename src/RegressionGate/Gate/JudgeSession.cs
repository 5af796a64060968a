using RegressionGate.Environments;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Gate;

/// <summary>The judge a run uses and the resources behind it (chat client or embedder), disposed together.</summary>
public sealed class JudgeSession : IDisposable
{
    readonly IDisposable? resources;

    JudgeSession(IAnswerJudge judge, RecordingTally? tally, IDisposable? resources)
    {
        Judge = judge;
        Tally = tally;
        this.resources = resources;
    }

    public IAnswerJudge Judge { get; }

    /// <summary>Which recordings were used; null for judges that don't call a model.</summary>
    public RecordingTally? Tally { get; }

    /// <summary>
    /// Builds the judge before any work is done, so a missing LLM configuration fails the run at once
    /// (<see cref="LlmConfigurationException"/>) instead of after the corpus is embedded.
    /// </summary>
    /// <param name="cache">Where the similarity judge keeps its embeddings between runs; none when null.</param>
    public static JudgeSession Open(GateInput input, string judgeKind, RecordingMode mode, IEnvironmentVariables environment, EmbeddingCache? cache = null)
    {
        var (golden, settings) = (input.Golden, input.Settings);
        if (judgeKind == JudgeKinds.Similarity) return OpenSimilarity(input, cache);

        var llmEnvironment = LlmEnvironmentVariables.All.ToDictionary(name => name, environment.Get, StringComparer.Ordinal);
        var setup = LlmSetup.Create(mode, golden.RecordingsDirectory, llmEnvironment, settings.Judge.Model, settings.Llm.ClientOptions(),
            recordingOptions: new RecordingOptions { RecordCommand = $"regression-gate run --golden {Quote(golden.Directory)} --llm record" });
        var tally = new RecordingTally(setup.Client, setup.RecordingClient.Store);
        var judge = new AnswerRelevanceJudge(tally, setup.Model, settings.Judge.Repeats, settings.Labels);
        return new JudgeSession(judge, tally, setup);
    }

    static JudgeSession OpenSimilarity(GateInput input, EmbeddingCache? cache)
    {
        var (settings, retriever) = (input.Settings, input.Settings.Retriever);
        // The similarity judge embeds with the retriever's model where there is one, else with the bundled model.
        var model = input.Retrievers.Find(retriever.Kind)?.EmbedsWithModel == true ? retriever.Model : RetrieverSettings.BundledModel;
        var embedder = ConfiguredEmbedder.Load(input.Golden.Directory, model, retriever.MaxTokens);
        ITextEmbedder used = cache is null ? embedder : cache.Wrap(embedder);
        var judge = new SimilarityJudge(
            texts => used.Embed([retriever.QueryPrefix + texts[0], .. texts.Skip(1).Select(t => retriever.PassagePrefix + t)]),
            $"{model} ({embedder.Model.Sha256[..12]})",
            settings.Judge.SimilarityThresholds,
            settings.Labels);
        return new JudgeSession(judge, null, used);
    }

    static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    public void Dispose() => resources?.Dispose();
}
