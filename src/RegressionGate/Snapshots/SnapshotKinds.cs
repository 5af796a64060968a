namespace RegressionGate.Snapshots;

/// <summary>The three kinds of snapshot the gate writes.</summary>
internal static class SnapshotKinds
{
    public static RetrievalSnapshotKind Retrieval { get; } = new();
    public static JudgeSnapshotKind Judge { get; } = new();
    public static SummarySnapshotKind Summary { get; } = new();

    public static IReadOnlyList<ISnapshotKind> All { get; } = [Retrieval, Judge, Summary];

    public static ISnapshotKind? ForStage(string stage) => All.FirstOrDefault(kind => kind.Stage == stage);
}
