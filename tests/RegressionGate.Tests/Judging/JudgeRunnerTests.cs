using System.Collections.Concurrent;
using RegressionGate.Judging;

namespace RegressionGate.Tests.Judging;

public sealed class JudgeRunnerTests
{
    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post to a context and race the assertions).</summary>
    sealed class Collect : IProgress<JudgeProgress>
    {
        public ConcurrentQueue<JudgeProgress> Reports { get; } = new();

        public void Report(JudgeProgress value) => Reports.Enqueue(value);
    }

    /// <summary>Scores an answer by its length mod 4, or fails answers that say "fail".</summary>
    sealed class LengthJudge : IAnswerJudge
    {
        int inFlight;

        public int MaxInFlight;

        public JudgeIdentity Identity { get; } = new([new("kind", "length")]);

        public async Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (this) MaxInFlight = Math.Max(MaxInFlight, now);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
            return answer == "fail"
                ? new JudgeFailure(JudgeFailureKind.UnreadableScore, "no score", answer)
                : Judgment.FromRepeats([(answer.Length % 4, $"Score: {answer.Length % 4}")], new LabelThresholds(), 3);
        }
    }

    static List<JudgeItem> Items(int n) => Enumerable.Range(0, n).Select(i => new JudgeItem($"q{i}", $"pergunta {i}", new string('x', i))).ToList();

    [Fact]
    public async Task Outcomes_come_back_in_item_order_with_progress_for_each()
    {
        var items = Items(40);
        items[7] = items[7] with { Answer = "fail" };
        var progress = new Collect();

        var results = await JudgeRunner.RunAsync(new LengthJudge(), items, parallel: 3, progress);

        Assert.Equal(items.Select(i => i.Id), results.Select(r => r.Id));
        Assert.Equal(13 % 4, Assert.IsType<Judgment>(results[13].Outcome).Score);
        Assert.IsType<JudgeFailure>(results[7].Outcome);
        Assert.Equal(Enumerable.Range(1, 40), progress.Reports.Select(r => r.Completed).Order());
        Assert.All(progress.Reports, r => Assert.Equal(40, r.Total));
        Assert.Equal(1, progress.Reports.Max(r => r.Failed));
        Assert.Equal(items.Select(i => i.Id).Order(), progress.Reports.Select(r => r.LastId).Order());
    }

    [Fact]
    public async Task Parallel_one_judges_one_at_a_time()
    {
        var judge = new LengthJudge();

        await JudgeRunner.RunAsync(judge, Items(30), parallel: 1);

        Assert.Equal(1, judge.MaxInFlight);
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => JudgeRunner.RunAsync(new LengthJudge(), Items(2), parallel: 0));
        await Assert.ThrowsAsync<ArgumentException>(() => JudgeRunner.RunAsync(new LengthJudge(), [new("a", "q", "x"), new("a", "q", "y")], parallel: 2));
    }

    [Fact]
    public async Task Cancelled_before_start_judges_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var progress = new Collect();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => JudgeRunner.RunAsync(new LengthJudge(), Items(5), 2, progress, cancellation.Token));

        Assert.Empty(progress.Reports);
    }
}
