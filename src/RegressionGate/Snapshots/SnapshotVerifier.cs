using RegressionGate.Environments;
using RegressionGate.Files;

namespace RegressionGate.Snapshots;

/// <summary>
/// The verify policy. A missing verified snapshot fails and writes the current one as received. A current result
/// within tolerance passes and leaves the verified file byte-for-byte alone (no churn in diffs), deleting any stale
/// received file. A result beyond tolerance fails with the comparer's messages and writes received. Outside CI,
/// <c>REGRESSIONGATE_AUTO_APPROVE=1</c> writes verified instead and passes with a note; in CI the verifier refuses to
/// exist (<see cref="AutoApprovalRefusedException"/>); a change its kind refuses (<see cref="SnapshotKind{T}.Refusals"/>) is written
/// as received, as without it. Absolute violations (floors) fail whatever happened to the baseline.
/// Without write (<c>run --no-write</c>, <c>compare</c>) it compares and says the same, but writes and deletes nothing.
/// </summary>
internal sealed class SnapshotVerifier
{
    /// <summary>The note a comparison that would have written a snapshot gets when nothing may be written.</summary>
    public const string NotWrittenNote = "no snapshot written (--no-write): the golden set is as it was";

    readonly IEnvironmentVariables environment;
    readonly bool write;

    public SnapshotVerifier(SnapshotStore store, IEnvironmentVariables environment, bool write = true)
    {
        AutoApproval.ThrowIfRefused(environment);
        Store = store;
        this.environment = environment;
        this.write = write;
    }

    public SnapshotStore Store { get; }

    public VerifyResult Verify<T>(SnapshotKind<T> kind, string name, T current, ISnapshotComparer<T> comparer) where T : class
    {
        // Compared as it would be stored, so a verified 0.666667 matches a current 2/3 under a zero tolerance.
        var stored = kind.AsStored(current);
        var approval = AutoApproval.From(environment);
        var verifiedPath = Store.VerifiedPath(kind.Stage, name);
        var receivedPath = Store.ReceivedPath(kind.Stage, name);
        var failures = new List<string>();
        var notes = new List<string>();

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
            if (write) RemoveStale(receivedPath, notes);
        }
        else if (!write)
        {
            outcome = exists ? VerifyOutcome.Changed : VerifyOutcome.Missing;
            failures.AddRange(differences);
            notes.Add(NotWrittenNote);
        }
        // What approve would refuse, auto-approval refuses too: it is no reviewer's decision, so neither is it the run's.
        else if (approval.Allowed && kind.Refusals(verified, stored) is { Count: 0 })
        {
            outcome = VerifyOutcome.AutoApproved;
            if (TryWrite(kind, verifiedPath, stored, "verified", failures))
            {
                RemoveStale(receivedPath, notes);
                notes.Add($"{AutoApproval.Variable}: wrote {(exists ? "changed" : "new")} verified snapshot {verifiedPath}");
                if (exists) notes.AddRange(differences.Select(d => $"  approved: {d}"));
            }
            else failures.AddRange(differences);
        }
        else
        {
            outcome = exists ? VerifyOutcome.Changed : VerifyOutcome.Missing;
            if (TryWrite(kind, receivedPath, stored, "received", failures))
            {
                written = receivedPath;
                if (exists) notes.Add($"received snapshot written to {receivedPath}; if the change is intended, run `{ToolCommand.Current.With("approve")}`");
            }
            if (approval.Allowed) notes.AddRange(kind.Refusals(verified, stored).Select(r => $"{AutoApproval.Variable}: not approved: {r}"));
            failures.AddRange(differences);
        }

        failures.AddRange(comparer.Violations(verified, stored));
        return new VerifyResult(kind.Stage, name, outcome, failures, notes, verifiedPath, written);
    }

    /// <summary>
    /// Writes one snapshot; a file system that refuses (read-only, full, a file where a folder should be) becomes this
    /// snapshot's first failure, so the run goes on to its verdict and every file that could not be written is named.
    /// </summary>
    bool TryWrite<T>(SnapshotKind<T> kind, string path, T snapshot, string what, List<string> failures) where T : class
    {
        try
        {
            Store.Write(kind, path, snapshot);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failures.Add($"could not write the {what} snapshot {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>A received file left from an earlier run is stale once the result matches; one that cannot go is only noted.</summary>
    static void RemoveStale(string receivedPath, List<string> notes)
    {
        try
        {
            File.Delete(receivedPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notes.Add($"could not remove the stale received snapshot {receivedPath}: {e.Message}");
        }
    }
}
