using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Snapshots;

/// <summary>
/// Turns received snapshots into verified ones after a person has looked at the diff. Each received file must parse,
/// be about the question its file is named for, and that question must be in the golden set, before it is approved;
/// it then replaces its verified file by a single rename, so a failure leaves the verified file as it was and the
/// received file where it was. Reports what changed in meaning, per file, the summary first.
/// </summary>
public sealed class SnapshotApprover
{
    readonly SnapshotStore store;
    readonly Tolerances tolerances;
    readonly HashSet<string> questionIds;
    readonly Action<string, string> replace;

    /// <summary>
    /// Approves received snapshots in <paramref name="store"/>, describing changes under <paramref name="tolerances"/>;
    /// <paramref name="questionIds"/> are the golden set's questions, and a received file about any other is refused.
    /// </summary>
    public SnapshotApprover(SnapshotStore store, Tolerances tolerances, IEnumerable<string> questionIds)
        : this(store, tolerances, questionIds, (received, verified) => File.Move(received, verified, overwrite: true)) { }

    /// <summary>With a stand-in for the final rename, so tests can make it fail at exactly that step.</summary>
    internal SnapshotApprover(SnapshotStore store, Tolerances tolerances, IEnumerable<string> questionIds, Action<string, string> replace)
    {
        this.store = store;
        this.tolerances = tolerances;
        this.questionIds = new HashSet<string>(questionIds, StringComparer.Ordinal);
        this.replace = replace;
    }

    /// <summary>
    /// The metric names gate.json configures, when known: a mean the received summary drops is then described as no
    /// longer configured (a deliberate change) or as having had nothing to grade. A mean the run could not measure is
    /// refused either way.
    /// </summary>
    public IReadOnlyCollection<string>? ConfiguredMetrics { get; init; }

    /// <summary>The approver of a loaded golden set: its snapshots and its questions, under <paramref name="tolerances"/>.</summary>
    public static SnapshotApprover For(GoldenSet golden, Tolerances tolerances) =>
        new(SnapshotStore.InGolden(golden.Directory), tolerances, golden.Questions.Select(q => q.Id));

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
        // The summary first: whether the aggregates may move is the decision a reviewer makes before the rows that moved them.
        return store.ReceivedFiles()
            .OrderBy(f => f.Stage == SnapshotStages.Summary ? 0 : 1)
            .Where(f => options.Stage is null || f.Stage == options.Stage)
            .Where(f => fileName is null || Path.GetFileName(f.Path) == fileName)
            .Select(f => ApproveOne(KindOf(f.Stage), f.Path, options.DryRun))
            .ToList();
    }

    /// <summary>
    /// Approves the one received file at <paramref name="receivedPath"/> (as listed by an earlier dry run), with the
    /// same checks as <see cref="Approve"/>: what an interactive review does when a person accepts one change.
    /// </summary>
    public ApprovalEntry ApproveFile(string receivedPath, bool dryRun = false)
    {
        var full = Path.GetFullPath(receivedPath);
        var (stage, path) = store.ReceivedFiles().FirstOrDefault(f => f.Path == full);
        if (path is null) throw new ArgumentException($"{receivedPath} is not a received snapshot under {store.Root}", nameof(receivedPath));
        return ApproveOne(KindOf(stage), path, dryRun);
    }

    ISnapshotKind KindOf(string stage) => stage == SnapshotStages.Summary
        // The store is the golden set's snapshots/ folder (DESIGN §6): its parent is the golden set refusals name.
        ? new SummarySnapshotKind(ConfiguredMetrics, Path.GetDirectoryName(store.Root))
        : SnapshotKinds.ForStage(stage, store.Metrics)!;

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
        if (kind.QuestionIdOf(received) is { } questionId)
        {
            if (SnapshotFileName.For(questionId) != name)
                return Entry(ApprovalAction.Refused, false,
                    $"the received snapshot is about question {questionId}, but its file is named for question {name}; nothing changed");
            if (!questionIds.Contains(questionId))
                return Entry(ApprovalAction.Refused, false,
                    $"question {questionId} is not in the golden set (removed from {GoldenSet.QuestionsFile}?); nothing changed");
        }

        var (verified, unreadable) = isNew ? (null, null) : ReadVerified(kind, verifiedPath);
        // Said the same on a dry run, in a review and when approving: one line each, and nothing changes.
        var refusals = kind.Refusals(verified, received);
        if (refusals.Count > 0) return Entry(ApprovalAction.Refused, false, string.Join("\n", refusals));
        var description = isNew ? kind.DescribeNew(received)
            : verified is null ? $"replaces an unreadable verified snapshot ({unreadable})"
            : kind.DescribeChange(verified, received, tolerances);
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

    /// <summary>The verified snapshot, or why it cannot be read (an unreadable one may still be replaced).</summary>
    static (object? Verified, string? Unreadable) ReadVerified(ISnapshotKind kind, string verifiedPath)
    {
        try
        {
            return (kind.Parse(SnapshotFields.ReadText(verifiedPath, verifiedPath), verifiedPath), null);
        }
        catch (InputFileException e)
        {
            return (null, e.Message);
        }
    }
}
