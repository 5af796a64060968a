namespace RegressionGate.Snapshots;

/// <summary>The verdict on one snapshot: it passes when there are no failures; notes say what was done besides.</summary>
internal sealed record VerifyResult(
    string Stage,
    string Name,
    VerifyOutcome Outcome,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Notes,
    string VerifiedPath,
    string? ReceivedPath)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>Failures then notes, one a line: what a failing test or the report shows.</summary>
    public override string ToString() =>
        string.Join("\n", Failures.Concat(Notes).DefaultIfEmpty($"{Stage} '{Name}' matches its verified snapshot"));
}
