namespace RegressionGate.Records;

/// <summary>What an import did: every item it touched with how, and the golden-set files it rewrote.</summary>
internal sealed record ImportResult(IReadOnlyList<ImportChange> Changes, IReadOnlyList<string> FilesWritten)
{
    /// <summary>False when the golden set already held everything the records say.</summary>
    public bool Changed => Changes.Any(c => c.Kind is ImportChangeKind.Added or ImportChangeKind.Updated);

    public IEnumerable<ImportChange> Of(ImportItem item, ImportChangeKind kind) => Changes.Where(c => c.Item == item && c.Kind == kind);

    /// <summary>
    /// One line per kind of item, e.g. "segments: 10 added, 0 updated, 0 unchanged", for the command line; then, when
    /// judgments were skipped, why and what to do.
    /// </summary>
    public IEnumerable<string> Summary()
    {
        foreach (var item in Enum.GetValues<ImportItem>().Where(item => Changes.Any(c => c.Item == item)))
        {
            var skipped = Of(item, ImportChangeKind.Skipped).Count();
            yield return $"{Name(item)}: {Of(item, ImportChangeKind.Added).Count()} added, {Of(item, ImportChangeKind.Updated).Count()} updated, " +
                         $"{Of(item, ImportChangeKind.Unchanged).Count()} unchanged{(skipped > 0 ? $", {skipped} skipped" : "")}";
        }
        if (Of(ImportItem.JudgeRecording, ImportChangeKind.Skipped).Any())
            yield return "note: judge recordings skipped: gate.json names no judge.model, the model (or Azure deployment) the records' " +
                         "judgments came from and their recordings are keyed by; set it and import the records again to replay them";
    }

    static string Name(ImportItem item) => item switch
    {
        ImportItem.Question => "questions",
        ImportItem.Segment => "segments",
        ImportItem.RetrievalRun => "recorded rankings",
        ImportItem.References => "answer references",
        ImportItem.JudgeRecording => "judge recordings",
        _ => item.ToString(),
    };
}
