using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>Pass or fail for one check of the gate, with the reasons in words and where a received snapshot went.</summary>
public sealed record Verdict(bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<string> Notes, string? ReceivedPath)
{
    internal static Verdict From(VerifyResult result) =>
        new(result.Passed, result.Failures, result.Notes, result.ReceivedPath);

    internal static Verdict Failed(string failure) => new(false, [failure], [], null);

    /// <summary>A shard's aggregates: measured over its slice, gated only by <c>merge</c> over every question.</summary>
    internal static Verdict NotGatedInShard(Sharding.Shard shard) =>
        new(true, [], [$"shard {shard}: aggregates are not gated on a slice; merge gates them over every question"], null);

    /// <summary>Failures then notes, one a line: the message of a failing theory row.</summary>
    public override string ToString() => string.Join("\n", Failures.Concat(Notes).DefaultIfEmpty("passed"));
}
