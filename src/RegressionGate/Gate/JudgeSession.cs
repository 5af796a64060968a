using Microsoft.Extensions.AI;
using RegressionGate.Environments;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Gate;

/// <summary>The judge a run uses and the resources behind it (chat client or embedder), disposed together.</summary>
public sealed class JudgeSession : IDisposable
{
    readonly IDisposable? resources;

    /// <summary>A session of <paramref name="judge"/>; <paramref name="resources"/> (a model, a client) are disposed with it.</summary>
    public JudgeSession(IAnswerJudge judge, IDisposable? resources = null) : this(judge, null, resources) { }

    JudgeSession(IAnswerJudge judge, RecordingTally? tally, IDisposable? resources)
    {
        Judge = judge;
        Tally = tally;
        this.resources = resources;
    }

    /// <summary>The judge, ready to be asked per answer.</summary>
    public IAnswerJudge Judge { get; }

    /// <summary>Which recordings were used; null for judges that don't call a model.</summary>
    internal RecordingTally? Tally { get; }

    /// <summary>
    /// An LLM judge over the recording client the run's mode asks for, built before any work is done, so a missing LLM
    /// configuration fails the run at once (<see cref="LlmConfigurationException"/>) instead of after the corpus is embedded.
    /// </summary>
    internal static JudgeSession OpenLlm(GateInput input, RecordingMode mode, IEnvironmentVariables environment, Func<IChatClient, string, IAnswerJudge> create,
        BatchRecorder? batch = null)
    {
        var (golden, settings) = (input.Golden, input.Settings);
        var llmEnvironment = LlmEnvironmentVariables.All.ToDictionary(name => name, environment.Get, StringComparer.Ordinal);
        var clientOptions = settings.Llm.ClientOptions();
        var setup = LlmSetup.Create(mode, golden.RecordingsDirectory, llmEnvironment, settings.Judge.Model, clientOptions,
            recordingOptions: new RecordingOptions { RecordCommand = ToolCommand.Current.With($"run --golden {ToolCommand.Argument(golden.Directory)} --llm record") });
        try
        {
            var client = batch is not null && setup.Connection is { } connection
                ? batch.Attach(setup.RecordingClient, connection, clientOptions)
                : setup.Client;
            var tally = new RecordingTally(client, setup.RecordingClient.Store);
            return new JudgeSession(create(tally, setup.Model), tally, setup);
        }
        catch
        {
            setup.Dispose();
            throw;
        }
    }

    /// <summary>The similarity judge, embedding with the retriever's model where there is one, else with the bundled model.</summary>
    internal static JudgeSession OpenSimilarity(JudgeContext context)
    {
        var (input, cache) = (context.Input, context.Cache);
        var (settings, retriever) = (input.Settings, input.Settings.Retriever);
        var model = input.Retrievers.Find(retriever.Kind)?.EmbedsWithModel == true ? retriever.Model : Retrieval.RetrieverSettings.BundledModel;
        var embedder = ConfiguredEmbedder.LoadWhenNeeded(input.Golden.Directory, model, retriever.MaxTokens, cache);
        ITextEmbedder used = cache is null ? embedder : cache.Wrap(embedder);
        var judge = new SimilarityJudge(
            texts => used.Embed([retriever.QueryPrefix + texts[0], .. texts.Skip(1).Select(t => retriever.PassagePrefix + t)]),
            $"{model} ({embedder.Model.Sha256[..12]})",
            settings.Judge.SimilarityThresholds,
            settings.Labels);
        return new JudgeSession(judge, null, used);
    }


    /// <summary>Disposes the resources behind the judge.</summary>
    public void Dispose() => resources?.Dispose();
}
