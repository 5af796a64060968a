using RegressionGate.Judging.Metrics;

namespace RegressionGate.Judging;

/// <summary>
/// Judges many answers with at most <c>parallel</c> items, hence model calls, in flight (a judge runs its repeats and
/// units one after another). Cancellation stops the run; whatever each finished call recorded stays on disk. A
/// <see cref="JudgeDeadline"/> bounds the whole run instead: when it passes, calls in flight are abandoned and every
/// item not yet judged fails, naming the setting, while the run goes on to its verdict.
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
        var duplicate = items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"item id '{duplicate.Key}' appears twice", nameof(items));
        var outcomes = await RunAsync(items, item => item.Id, (item, token) => judge.JudgeAsync(item.Question, item.Answer, token),
            parallel, progress, cancellationToken, deadline).ConfigureAwait(false);
        return items.Select((item, index) => new JudgedItem(item.Id, outcomes[index])).ToList();
    }

    /// <summary>
    /// Grades every task (a metric's judge and a question's subject), the outcomes in the tasks' order. Throws
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    internal static Task<IReadOnlyList<JudgeOutcome>> RunAsync(
        IReadOnlyList<MetricTask> tasks,
        int parallel,
        IProgress<JudgeProgress>? progress = null,
        CancellationToken cancellationToken = default,
        JudgeDeadline? deadline = null) =>
        RunAsync(tasks, task => task.Subject.QuestionId, (task, token) => task.Judge.JudgeAsync(task.Subject, token),
            parallel, progress, cancellationToken, deadline);

    static async Task<IReadOnlyList<JudgeOutcome>> RunAsync<T>(
        IReadOnlyList<T> items,
        Func<T, string> id,
        Func<T, CancellationToken, Task<JudgeOutcome>> judge,
        int parallel,
        IProgress<JudgeProgress>? progress,
        CancellationToken cancellationToken,
        JudgeDeadline? deadline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        using var expired = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline is not null) expired.CancelAfter(deadline.Remaining);
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
                outcome = DeadlinePassed() ? deadline!.Failure() : await judge(item, expired.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (DeadlinePassed())
            {
                outcome = deadline!.Failure();
            }
            outcomes[index] = outcome;
            var failures = outcome is JudgeFailure ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
            progress?.Report(new JudgeProgress(Interlocked.Increment(ref completed), items.Count, id(item), failures));
        }).ConfigureAwait(false);
        return outcomes;
    }
}

/// <summary>One metric to grade for one question.</summary>
internal sealed record MetricTask(IMetricJudge Judge, MetricSubject Subject);

/// <summary>
/// How long a whole run's model calls may take, counted from when the deadline is made, and the setting that says so,
/// for the failures it causes.
/// </summary>
/// <param name="Setting">Where the limit is set, as messages name it (<c>llm.deadlineSeconds in gate.json</c>).</param>
internal sealed record JudgeDeadline(TimeSpan After, string Setting)
{
    readonly long started = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>What is left of the deadline now; zero once it has passed.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = After - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>What an item the deadline left unjudged reports.</summary>
    public JudgeFailure Failure() => new(JudgeFailureKind.CallFailed, $"not judged: {Passed()} before its answer was judged");

    /// <summary><c>the LLM deadline of 0.3 s (llm.deadlineSeconds in gate.json) passed</c></summary>
    public string Passed() =>
        $"the LLM deadline of {After.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s ({Setting}) passed";
}
