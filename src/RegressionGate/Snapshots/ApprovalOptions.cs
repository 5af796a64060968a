namespace RegressionGate.Snapshots;

/// <summary>Which received snapshots to approve, and whether to only say what approving would do.</summary>
public sealed record ApprovalOptions
{
    /// <summary>Report what would change, and change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Only this stage (<c>retrieval</c>, <c>judge</c>, <c>summary</c>); null for all.</summary>
    public string? Stage { get; init; }

    /// <summary>Only the snapshot of this question id (or <c>gate</c> for the summary); null for all.</summary>
    public string? Name { get; init; }
}
