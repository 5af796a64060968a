using RegressionGate.Environments;
using RegressionGate.Files;

namespace RegressionGate.Snapshots;

/// <summary>
/// The verify policy. A missing verified snapshot fails and writes the current one as received. A current result
/// within tolerance passes and leaves the verified file byte-for-byte alone (no churn in diffs), deleting any stale
/// received file. A result beyond tolerance fails with the comparer's messages and writes received. Outside CI,
/// <c>REGRESSIONGATE_AUTO_APPROVE=1</c> writes verified instead and passes with a note; in CI it is refused.
/// Absolute violations (floors) fail whatever happened to the baseline.
/// </summary>
internal sealed class SnapshotVerifier(SnapshotStore store, IEnvironmentVariables environment)
{
    public SnapshotStore Store { get; } = store;

    public VerifyResult Verify<T>(SnapshotKind<T> kind, string name, T current, ISnapshotComparer<T> comparer) where T : class
    {
        // Compared as it would be stored, so a verified 0.666667 matches a current 2/3 under a zero tolerance.
        var stored = kind.AsStored(current);
        var approval = AutoApproval.From(environment);
        var verifiedPath = Store.VerifiedPath(kind.Stage, name);
        var receivedPath = Store.ReceivedPath(kind.Stage, name);
        var failures = new List<string>();
        var notes = new List<string>();
        if (approval.Refused) failures.Add(AutoApproval.RefusalMessage);

        T? verified = null;
        IReadOnlyList<string> differences;
        var exists = File.Exists(verifiedPath);
        if (!exists)
        {
            differences = [$"no verified snapshot for {kind.Stage} '{name}' ({verifiedPath}): review {receivedPath} and run `{ToolCommand.Current.With("approve")}` to accept it"];
        }
        else
        {
            try
            {
                verified = kind.ReadFile(verifiedPath);
                differences = comparer.Compare(verified, stored);
            }
            catch (InputFileException e)
            {
                differences = [$"the verified snapshot cannot be read: {e.Message}"];
            }
        }

        VerifyOutcome outcome;
        string? written = null;
        if (exists && differences.Count == 0)
        {
            outcome = VerifyOutcome.Matched;
            File.Delete(receivedPath);
        }
        else if (approval.Allowed)
        {
            outcome = VerifyOutcome.AutoApproved;
            Store.Write(kind, verifiedPath, stored);
            File.Delete(receivedPath);
            notes.Add($"{AutoApproval.Variable}: wrote {(exists ? "changed" : "new")} verified snapshot {verifiedPath}");
            if (exists) notes.AddRange(differences.Select(d => $"  approved: {d}"));
        }
        else
        {
            outcome = exists ? VerifyOutcome.Changed : VerifyOutcome.Missing;
            Store.Write(kind, receivedPath, stored);
            written = receivedPath;
            failures.AddRange(differences);
            if (exists) notes.Add($"received snapshot written to {receivedPath}; if the change is intended, run `{ToolCommand.Current.With("approve")}`");
        }

        failures.AddRange(comparer.Violations(verified, stored));
        return new VerifyResult(kind.Stage, name, outcome, failures, notes, verifiedPath, written);
    }
}
