using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Gate;

/// <summary>
/// What a judge kind opens for a run: who grades (<see cref="Backend"/>), the judge of whole answers
/// (<see cref="Judge"/>), and the resources behind them (a model, an embedder), disposed together.
/// </summary>
public sealed class JudgeSession : IDisposable
{
    readonly IDisposable? resources;

    /// <summary>
    /// A session of an extension's <paramref name="judge"/>, which grades whole answers and so stands for answer
    /// relevance; <paramref name="resources"/> (a model, a client) are disposed with it.
    /// </summary>
    public JudgeSession(IAnswerJudge judge, IDisposable? resources = null) : this(new AnswerJudgeBackend(judge), judge, resources) { }

    internal JudgeSession(JudgeBackend backend, IAnswerJudge judge, IDisposable? resources)
    {
        Backend = backend;
        Judge = judge;
        this.resources = resources;
    }

    /// <summary>Who grades the metrics: an LLM with each metric's rubric, the similarity stand-in, or an extension's answer judge.</summary>
    internal JudgeBackend Backend { get; }

    /// <summary>The judge of whole answers (answer relevance), ready to be asked per answer.</summary>
    public IAnswerJudge Judge { get; }

    /// <summary>Which recordings were used; null for judges that don't call a model.</summary>
    internal RecordingTally? Tally { get; init; }

    /// <summary>One judge per metric, graded by <see cref="Backend"/>.</summary>
    internal IReadOnlyList<IMetricJudge> JudgesFor(IReadOnlyList<JudgeMetric> metrics, LabelThresholds labels) =>
        metrics.Select(m => m.CreateJudge(Backend, labels)).ToList();

    /// <summary>The similarity judge, embedding with the retriever's model where there is one, else with the bundled model.</summary>
    internal static JudgeSession OpenSimilarity(JudgeContext context)
    {
        var (input, cache) = (context.Input, context.Cache);
        var (settings, retriever) = (input.Settings, input.Settings.Retriever);
        var model = input.Retrievers.Find(retriever.Kind)?.EmbedsWithModel == true ? retriever.Model : Retrieval.RetrieverSettings.BundledModel;
        var embedder = ConfiguredEmbedder.LoadWhenNeeded(input.Golden.Directory, model, retriever.MaxTokens, cache);
        ITextEmbedder used = cache is null ? embedder : cache.Wrap(embedder);
        var backend = new SimilarityBackend(
            texts => used.Embed([retriever.QueryPrefix + texts[0], .. texts.Skip(1).Select(t => retriever.PassagePrefix + t)]),
            $"{model} ({embedder.Model.Sha256[..12]})",
            settings.Judge.SimilarityThresholds);
        return new JudgeSession(backend, new SimilarityJudge(backend.Embed, backend.Embedder, backend.Thresholds, settings.Labels), used);
    }

    /// <summary>Disposes the resources behind the judge.</summary>
    public void Dispose() => resources?.Dispose();
}
