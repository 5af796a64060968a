namespace RegressionGate.Judging;

/// <summary>
/// Judges many answers with at most <c>parallel</c> items, hence model calls, in flight (a judge runs its repeats one
/// after another). Cancellation stops the run; whatever each finished call recorded stays on disk. A
/// <see cref="JudgeDeadline"/> bounds the whole run instead: when it passes, calls in flight are abandoned and every
/// answer not yet judged fails, naming the setting, while the run goes on to its verdict.
/// </summary>
internal static class JudgeRunner
{
    /// <summary>The outcomes in the items' order. Throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static async Task<IReadOnlyList<JudgedItem>> RunAsync(
        IAnswerJudge judge,
        IReadOnlyList<JudgeItem> items,
        int parallel,
        IProgress<JudgeProgress>? progress = null,
        CancellationToken cancellationToken = default,
        JudgeDeadline? deadline = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var duplicate = items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"item id '{duplicate.Key}' appears twice", nameof(items));

        using var expired = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline is not null) expired.CancelAfter(deadline.After);
        bool DeadlinePassed() => deadline is not null && expired.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
        var outcomes = new JudgeOutcome[items.Count];
        var completed = 0;
        var failed = 0;
        // The loop stops only for the caller's cancellation; the deadline's ends each item's call, not the loop.
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (index, token) =>
        {
            var item = items[index];
            JudgeOutcome outcome;
            try
            {
                outcome = DeadlinePassed()
                    ? deadline!.Failure()
                    : await judge.JudgeAsync(item.Question, item.Answer, expired.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (DeadlinePassed())
            {
                outcome = deadline!.Failure();
            }
            outcomes[index] = outcome;
            var failures = outcome is JudgeFailure ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
            progress?.Report(new JudgeProgress(Interlocked.Increment(ref completed), items.Count, item.Id, failures));
        }).ConfigureAwait(false);

        return items.Select((item, index) => new JudgedItem(item.Id, outcomes[index])).ToList();
    }
}

/// <summary>How long a whole judging run may take, and the setting that says so, for the failures it causes.</summary>
/// <param name="Setting">Where the limit is set, as messages name it (<c>llm.deadlineSeconds in gate.json</c>).</param>
internal sealed record JudgeDeadline(TimeSpan After, string Setting)
{
    /// <summary>What an answer the deadline left unjudged reports.</summary>
    public JudgeFailure Failure() => new(JudgeFailureKind.CallFailed, $"not judged: {Passed()} before its answer was judged");

    /// <summary><c>the LLM deadline of 0.3 s (llm.deadlineSeconds in gate.json) passed</c></summary>
    public string Passed() =>
        $"the LLM deadline of {After.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s ({Setting}) passed";
}
