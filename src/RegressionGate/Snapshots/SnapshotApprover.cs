using RegressionGate.Files;

namespace RegressionGate.Snapshots;

/// <summary>
/// Turns received snapshots into verified ones after a person has looked at the diff. Each received file must parse
/// before it is approved; it then replaces its verified file by a single rename, so a failure leaves the verified
/// file as it was and the received file where it was. Reports what changed in meaning, per file.
/// </summary>
public sealed class SnapshotApprover
{
    readonly SnapshotStore store;
    readonly Tolerances tolerances;
    readonly Action<string, string> replace;

    /// <summary>Approves received snapshots in <paramref name="store"/>, describing changes under <paramref name="tolerances"/>.</summary>
    public SnapshotApprover(SnapshotStore store, Tolerances tolerances)
        : this(store, tolerances, (received, verified) => File.Move(received, verified, overwrite: true)) { }

    /// <summary>With a stand-in for the final rename, so tests can make it fail at exactly that step.</summary>
    internal SnapshotApprover(SnapshotStore store, Tolerances tolerances, Action<string, string> replace)
    {
        this.store = store;
        this.tolerances = tolerances;
        this.replace = replace;
    }

    /// <summary>
    /// Validates and approves every received snapshot <paramref name="options"/> selects (all when null), each by one
    /// atomic rename; a file that cannot be approved is reported as refused and left where it was.
    /// </summary>
    public IReadOnlyList<ApprovalEntry> Approve(ApprovalOptions? options = null)
    {
        options ??= new ApprovalOptions();
        if (options.Stage is { } stage && !store.Stages.Contains(stage))
            throw new ArgumentException($"unknown snapshot stage '{stage}'; known: {string.Join(", ", store.Stages)}", nameof(options));
        var fileName = options.Name is { } name ? SnapshotFileName.For(name) + SnapshotStore.ReceivedSuffix : null;
        return store.ReceivedFiles()
            .Where(f => options.Stage is null || f.Stage == options.Stage)
            .Where(f => fileName is null || Path.GetFileName(f.Path) == fileName)
            .Select(f => ApproveOne(SnapshotKinds.ForStage(f.Stage, store.Metrics)!, f.Path, options.DryRun))
            .ToList();
    }

    ApprovalEntry ApproveOne(ISnapshotKind kind, string receivedPath, bool dryRun)
    {
        var verifiedPath = SnapshotStore.VerifiedFor(receivedPath);
        var name = Path.GetFileName(receivedPath)[..^SnapshotStore.ReceivedSuffix.Length];
        var isNew = !File.Exists(verifiedPath);
        var action = isNew ? ApprovalAction.Created : ApprovalAction.Replaced;
        ApprovalEntry Entry(ApprovalAction a, bool applied, string description) =>
            new(kind.Stage, name, a, applied, description, receivedPath, verifiedPath);

        object received;
        try
        {
            received = kind.Parse(SnapshotFields.ReadText(receivedPath, receivedPath), receivedPath);
        }
        catch (InputFileException e)
        {
            return Entry(ApprovalAction.Refused, false, $"the received snapshot is invalid, nothing changed: {e.Message}");
        }

        var description = isNew ? kind.DescribeNew(received) : DescribeChange(kind, verifiedPath, received);
        if (dryRun) return Entry(action, false, description);
        try
        {
            replace(receivedPath, verifiedPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Entry(ApprovalAction.Refused, false,
                $"could not replace {verifiedPath} ({e.Message}); the verified file is unchanged and the received file kept");
        }
        return Entry(action, true, description);
    }

    string DescribeChange(ISnapshotKind kind, string verifiedPath, object received)
    {
        try
        {
            var verified = kind.Parse(SnapshotFields.ReadText(verifiedPath, verifiedPath), verifiedPath);
            return kind.DescribeChange(verified, received, tolerances);
        }
        catch (InputFileException e)
        {
            return $"replaces an unreadable verified snapshot ({e.Message})";
        }
    }
}
