namespace RegressionGate.Snapshots;

/// <summary>The folders under <c>golden/snapshots/</c>, one per kind of snapshot.</summary>
public static class SnapshotStages
{
    /// <summary>Each question's top-k.</summary>
    public const string Retrieval = "retrieval";

    /// <summary>Each answer's judgment.</summary>
    public const string Judge = "judge";

    /// <summary>The aggregates of the whole set.</summary>
    public const string Summary = "summary";

    /// <summary>The one summary snapshot's name: <c>summary/gate.verified.json</c>.</summary>
    public const string SummaryName = "gate";

    /// <summary>In the order data flows, which is also the order approval reports them.</summary>
    public static IReadOnlyList<string> All { get; } = [Retrieval, Judge, Summary];
}
