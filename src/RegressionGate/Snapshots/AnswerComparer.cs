namespace RegressionGate.Snapshots;

/// <summary>
/// Fails a produced answer when its source changed (model, prompt version, endpoint), its text changed (a replayed
/// answer is byte-identical, so any change is a new answer to review), or it was given or cites other segments.
/// </summary>
internal sealed class AnswerComparer : ISnapshotComparer<AnswerSnapshot>
{
    public IReadOnlyList<string> Compare(AnswerSnapshot verified, AnswerSnapshot current) => Changes(verified, current);

    /// <summary>Each difference in words; the answer's, with both texts quoted on the lines after.</summary>
    internal static IReadOnlyList<string> Changes(AnswerSnapshot verified, AnswerSnapshot current)
    {
        var changes = new List<string>();
        var source = current.Source.ChangesFrom(verified.Source);
        if (source.Count > 0) changes.Add($"answer source changed: {string.Join("; ", source)}");
        if (!verified.Context.SequenceEqual(current.Context, StringComparer.Ordinal))
            changes.Add($"context changed: {AnswerSnapshotKind.Ids(verified.Context)} → {AnswerSnapshotKind.Ids(current.Context)}");
        if (!verified.References.SequenceEqual(current.References, StringComparer.Ordinal))
            changes.Add($"references changed: {AnswerSnapshotKind.Ids(verified.References)} → {AnswerSnapshotKind.Ids(current.References)}");
        if (verified.Answer != current.Answer)
            changes.Add($"answer changed\n  verified answer: \"{verified.Answer}\"\n  current answer: \"{current.Answer}\"");
        return changes;
    }
}
