using RegressionGate.Judging.Metrics;

namespace RegressionGate.Judging;

/// <summary>
/// Judges many answers with at most <c>parallel</c> items, hence model calls, in flight (a judge runs its repeats and
/// units one after another). Cancellation stops the run; whatever each finished call recorded stays on disk.
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
        var duplicate = items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"item id '{duplicate.Key}' appears twice", nameof(items));
        var outcomes = await RunAsync(items, item => item.Id, (item, token) => judge.JudgeAsync(item.Question, item.Answer, token),
            parallel, progress, cancellationToken).ConfigureAwait(false);
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
        CancellationToken cancellationToken = default) =>
        RunAsync(tasks, task => task.Subject.QuestionId, (task, token) => task.Judge.JudgeAsync(task.Subject, token), parallel, progress, cancellationToken);

    static async Task<IReadOnlyList<JudgeOutcome>> RunAsync<T>(
        IReadOnlyList<T> items,
        Func<T, string> id,
        Func<T, CancellationToken, Task<JudgeOutcome>> judge,
        int parallel,
        IProgress<JudgeProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var outcomes = new JudgeOutcome[items.Count];
        var completed = 0;
        var failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (index, token) =>
        {
            var item = items[index];
            var outcome = await judge(item, token).ConfigureAwait(false);
            outcomes[index] = outcome;
            var failures = outcome is JudgeFailure ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
            progress?.Report(new JudgeProgress(Interlocked.Increment(ref completed), items.Count, id(item), failures));
        }).ConfigureAwait(false);
        return outcomes;
    }
}

/// <summary>One metric to grade for one question.</summary>
internal sealed record MetricTask(IMetricJudge Judge, MetricSubject Subject);
