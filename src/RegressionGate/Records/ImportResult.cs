namespace RegressionGate.Records;

/// <summary>What an import did: every item it touched with how, and the golden-set files it rewrote.</summary>
internal sealed record ImportResult(IReadOnlyList<ImportChange> Changes, IReadOnlyList<string> FilesWritten)
{
    /// <summary>The <c>judge.model</c> the import set in gate.json (<c>--judge-model</c>), or null when it set none.</summary>
    public string? JudgeModelSet { get; init; }

    /// <summary>False when the golden set already held everything the records say.</summary>
    public bool Changed => JudgeModelSet is not null || Changes.Any(c => c.Kind is ImportChangeKind.Added or ImportChangeKind.Updated);

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
        if (JudgeModelSet is { } model)
            yield return $"judge.model: set to '{model}' in gate.json, the model the records' judge recordings are kept under";
        if (Of(ImportItem.JudgeRecording, ImportChangeKind.Skipped).Any())
            yield return "note: judge recordings skipped: gate.json names no judge.model, the model (or Azure deployment) the records' " +
                         "judgments came from and their recordings are keyed by; import the records again with --judge-model NAME " +
                         "(which sets it) to replay them";
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
