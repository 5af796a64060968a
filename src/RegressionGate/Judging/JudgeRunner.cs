namespace RegressionGate.Judging;

/// <summary>
/// Judges many answers with at most <c>parallel</c> items, hence model calls, in flight (a judge runs its repeats one
/// after another). Cancellation stops the run; whatever each finished call recorded stays on disk.
/// </summary>
internal static class JudgeRunner
{
    /// <summary>The outcomes in the items' order. Throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static async Task<IReadOnlyList<JudgedItem>> RunAsync(
        IAnswerJudge judge,
        IReadOnlyList<JudgeItem> items,
        int parallel,
        IProgress<JudgeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var duplicate = items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"item id '{duplicate.Key}' appears twice", nameof(items));

        var outcomes = new JudgeOutcome[items.Count];
        var completed = 0;
        var failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (index, token) =>
        {
            var item = items[index];
            var outcome = await judge.JudgeAsync(item.Question, item.Answer, token).ConfigureAwait(false);
            outcomes[index] = outcome;
            var failures = outcome is JudgeFailure ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
            progress?.Report(new JudgeProgress(Interlocked.Increment(ref completed), items.Count, item.Id, failures));
        }).ConfigureAwait(false);

        return items.Select((item, index) => new JudgedItem(item.Id, outcomes[index])).ToList();
    }
}
