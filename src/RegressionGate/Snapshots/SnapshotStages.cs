using RegressionGate.Judging.Metrics;

namespace RegressionGate.Snapshots;

/// <summary>
/// The folders under <c>golden/snapshots/</c>, one per kind of snapshot: retrieval, answers, one per metric (from the
/// metric registry, so a metric added there brings its folder), and the summary.
/// </summary>
public static class SnapshotStages
{
    /// <summary>Each question's top-k.</summary>
    public const string Retrieval = "retrieval";

    /// <summary>Each produced answer (generated, or from the team's endpoint).</summary>
    public const string Answers = "answers";

    /// <summary>Each answer's judgment: answer relevance's folder, named before there were other metrics.</summary>
    public const string Judge = AnswerRelevanceMetric.Stage;

    /// <summary>The aggregates of the whole set.</summary>
    public const string Summary = "summary";

    /// <summary>The one summary snapshot's name: <c>summary/gate.verified.json</c>.</summary>
    public const string SummaryName = "gate";

    /// <summary>The stages of a gate with <paramref name="metrics"/>, in the order data flows, which is also the order approval reports them.</summary>
    public static IReadOnlyList<string> For(MetricRegistry metrics) =>
        [Retrieval, Answers, .. metrics.Defaults.Select(m => m.SnapshotStage), Summary];

    /// <summary>The stages of a gate with the built-in metrics.</summary>
    public static IReadOnlyList<string> All { get; } = For(MetricRegistry.BuiltIn);
}
