using RegressionGate.Judging.Metrics;

namespace RegressionGate.Snapshots;

/// <summary>The kinds of snapshot the gate writes: retrieval, answers, one per metric, and the summary.</summary>
internal static class SnapshotKinds
{
    public static RetrievalSnapshotKind Retrieval { get; } = new();
    public static AnswerSnapshotKind Answers { get; } = new();
    public static JudgeSnapshotKind Judge { get; } = new();
    public static SummarySnapshotKind Summary { get; } = new();

    /// <summary>The kinds of a gate with <paramref name="metrics"/>, in stage order.</summary>
    public static IReadOnlyList<ISnapshotKind> For(MetricRegistry metrics) =>
        [Retrieval, Answers, .. metrics.Defaults.Select(Of), Summary];

    /// <summary>The kinds of a gate with the built-in metrics.</summary>
    public static IReadOnlyList<ISnapshotKind> All { get; } = For(MetricRegistry.BuiltIn);

    /// <summary>
    /// How a metric's verdicts are snapshotted: a labelled metric's one judgment in the judge layout (answer
    /// relevance's, unchanged since before other metrics), any other metric part by part.
    /// </summary>
    public static ISnapshotKind Of(JudgeMetric metric) => metric.Labelled ? new JudgeSnapshotKind(metric.SnapshotStage) : new MetricSnapshotKind(metric);

    public static ISnapshotKind? ForStage(string stage, MetricRegistry? metrics = null) =>
        (metrics is null ? All : For(metrics)).FirstOrDefault(kind => kind.Stage == stage);
}
