namespace RegressionGate.Records;

/// <summary>One thing an import added, updated or found already there, for the command line to print.</summary>
/// <param name="Item">What kind of thing.</param>
/// <param name="Id">The question id, or the segment id for <see cref="ImportItem.Segment"/>.</param>
/// <param name="Kind">Added, updated or unchanged.</param>
/// <param name="Source">The record file it came from, as the user named it.</param>
internal sealed record ImportChange(ImportItem Item, string Id, ImportChangeKind Kind, string Source);

/// <summary>The kinds of things an import writes into a golden set.</summary>
internal enum ImportItem
{
    Question,
    Segment,
    RetrievalRun,
    References,
    JudgeRecording,
}

/// <summary>Whether an import added something, changed it, found it already as the record says, or could not take it.</summary>
internal enum ImportChangeKind
{
    Unchanged,
    Added,
    Updated,
    /// <summary>Left out, with the reason in <see cref="ImportResult.Summary"/>: a judgment when gate.json names no judge model.</summary>
    Skipped,
}
