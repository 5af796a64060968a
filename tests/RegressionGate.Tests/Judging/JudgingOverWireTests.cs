using System.Globalization;
using System.Text.RegularExpressions;
using RegressionGate.Files;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Tests.Llm;
using RegressionGate.Environments;

namespace RegressionGate.Tests.Judging;

/// <summary>The judge, the recording client and the runner together against a real loopback Azure endpoint.</summary>
public sealed partial class JudgingOverWireTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Recordings => temp.Combine("recordings");

    RecordingStore Store => new(Recordings);

    LlmSetup Setup(RecordingMode mode, LoopbackOpenAIServer? server) => LlmSetup.Create(
        mode,
        Recordings,
        server is null ? TestEnvironments.Empty() : TestEnvironments.Azure(server.BaseAddress),
        TestEnvironments.Deployment,
        TestEnvironments.Quick());

    static AnswerRelevanceJudge Judge(LlmSetup setup, int repeats = 1) => new(setup.Client, setup.Model, repeats, new LabelThresholds());

    static List<JudgeItem> Items(int n) =>
        Enumerable.Range(0, n).Select(i => new JudgeItem($"q{i}", $"pergunta {i}", $"resposta {i}")).ToList();

    [GeneratedRegex(@"PROMPT:\npergunta (\d+)\n")]
    private static partial Regex QuestionNumber();

    /// <summary>The loopback judge's verdict on question i is i mod 4.</summary>
    static Reply Verdict(ObservedRequest request)
    {
        var i = int.Parse(QuestionNumber().Match(request.Message("user")).Groups[1].Value, CultureInfo.InvariantCulture);
        return Reply.Completion($"Criteria: all of question {i}.\nSupporting Evidence: answer {i}.\nScore: {i % 4}");
    }

    static string KeyOf(JudgeItem item, int repeat = 1)
    {
        var request = AnswerRelevanceJudge.Request(item.Question, item.Answer, repeat);
        return CanonicalRequest.From(TestEnvironments.Deployment, request.Messages, request.Options).Key;
    }

    [Fact]
    public async Task An_answer_without_a_score_is_a_judge_failure_showing_the_raw_text()
    {
        const string raw = "Criteria: relevance.\nSupporting Evidence: The response addresses the question well.";
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion(raw));
        using var setup = Setup(RecordingMode.Record, server);

        var failure = Assert.IsType<JudgeFailure>(await Judge(setup).JudgeAsync("pergunta 1", "resposta 1"));

        Assert.Equal(JudgeFailureKind.UnreadableScore, failure.Kind);
        Assert.Equal(raw, failure.RawOutput);
        Assert.Contains("no 'Score: N'", failure.Message);
        Assert.Contains(raw, failure.ForQuestion("105"));
    }

    [Fact]
    public async Task Recording_then_replaying_with_the_server_stopped_gives_identical_judgments()
    {
        var items = Items(6);
        IReadOnlyList<JudgedItem> recorded;
        await using (var server = await LoopbackOpenAIServer.StartAsync(r => Reply.Completion($"Criteria: c\nSupporting Evidence: request {r.Number}\nScore: {r.Number % 4}")))
        {
            using var setup = Setup(RecordingMode.Record, server);
            recorded = await JudgeRunner.RunAsync(Judge(setup, repeats: 3), items, parallel: 2);
            await server.StopAsync();
        }

        using var replay = Setup(RecordingMode.Replay, null);
        var replayed = await JudgeRunner.RunAsync(Judge(replay, repeats: 3), items, parallel: 2);

        Assert.Equal(18, Store.Keys().Count);
        for (var i = 0; i < items.Count; i++)
        {
            var before = Assert.IsType<Judgment>(recorded[i].Outcome);
            var after = Assert.IsType<Judgment>(replayed[i].Outcome);
            Assert.Equal(before.Scores, after.Scores);
            Assert.Equal(before with { Scores = after.Scores }, after);
        }
    }

    [Fact]
    public async Task Replay_miss_is_a_failure_naming_the_key_and_the_record_command()
    {
        using var setup = Setup(RecordingMode.Replay, null);
        var item = Items(1)[0];

        var failure = Assert.IsType<JudgeFailure>(await Judge(setup).JudgeAsync(item.Question, item.Answer));

        Assert.Equal(JudgeFailureKind.MissingRecording, failure.Kind);
        Assert.Equal(KeyOf(item), failure.RecordingKey);
        var message = failure.ForQuestion("105");
        Assert.StartsWith("question 105: no recording for this request (key " + KeyOf(item), message);
        Assert.Contains(ToolCommand.Current.With("run --llm record"), message);
    }

    [Fact]
    public async Task A_failing_call_fails_only_its_question_and_records_nothing_for_it()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r =>
            r.Message("user").Contains("pergunta 3\n", StringComparison.Ordinal) ? Reply.Error(500, "boom") : Verdict(r));
        using var setup = Setup(RecordingMode.Record, server);
        var items = Items(5);

        var results = await JudgeRunner.RunAsync(Judge(setup), items, parallel: 2);

        var failure = Assert.IsType<JudgeFailure>(results[3].Outcome);
        Assert.Equal(JudgeFailureKind.CallFailed, failure.Kind);
        Assert.Contains("HTTP 500", failure.Message);
        var notJudged = results.Where((r, i) => i != 3 && r.Outcome is not Judgment).Select(r => $"{r.Id}: {(r.Outcome as JudgeFailure)?.Message}").ToList();
        Assert.True(notJudged.Count == 0, $"only question 3 should fail; these did too:\n{string.Join("\n", notJudged)}");
        Assert.Equal(4, Store.Keys().Count);
        Assert.Null(Store.TryRead(KeyOf(items[3])));
    }

    [Fact]
    public async Task Two_hundred_answers_with_parallel_four_give_exactly_two_hundred_recordings_and_never_more_than_four_calls_in_flight()
    {
        // Requests are held in batches of four by arrival, each released when its fourth arrives. Four workers can
        // always fill a batch, so the bound is provably reached; a runner allowing more calls would usually be caught
        // with more than four held at once. (The bounded wait guards against a runner that never reaches four.)
        var arrivals = new int[50];
        var full = Enumerable.Range(0, 50).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        await using var server = await LoopbackOpenAIServer.StartAsync(async r =>
        {
            var batch = (r.Number - 1) / 4;
            if (Interlocked.Increment(ref arrivals[batch]) == 4) full[batch].TrySetResult();
            await full[batch].Task.WaitAsync(TimeSpan.FromSeconds(30), r.Aborted);
            return Verdict(r);
        });
        using var setup = Setup(RecordingMode.Record, server);
        var items = Items(200);

        var results = await JudgeRunner.RunAsync(Judge(setup), items, parallel: 4);

        Assert.Equal(200, server.Count);
        Assert.Equal(4, server.MaxInFlight);
        for (var i = 0; i < items.Count; i++) Assert.Equal(i % 4, Assert.IsType<Judgment>(results[i].Outcome).Score);

        var files = Directory.EnumerateFiles(Recordings, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(200, files.Count);
        Assert.Equal(items.Select(i => KeyOf(i)).Order(), Store.Keys());
        foreach (var item in items)
        {
            var recording = Store.TryRead(KeyOf(item));
            Assert.NotNull(recording);
            Assert.Contains($"PROMPT:\\n{item.Question}\\n", recording.Request.Json);
            Assert.EndsWith($"Score: {int.Parse(item.Id[1..], CultureInfo.InvariantCulture) % 4}", recording.ResponseText);
        }
    }

    [Fact]
    public async Task Run_cancelled_half_way_keeps_every_finished_recording_intact_and_leaves_no_temp_file()
    {
        const int answered = 50;
        var blocked = 0;
        var allWorkersBlocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackOpenAIServer.StartAsync(async r =>
        {
            if (r.Number <= answered) return Verdict(r);
            // From here on nothing is answered. Once all four workers wait here, every earlier item has been written:
            // a worker only sends its next request after finishing its previous item.
            if (Interlocked.Increment(ref blocked) == 4) allWorkersBlocked.TrySetResult();
            await Task.Delay(Timeout.Infinite, r.Aborted);
            return Verdict(r);
        });
        using var setup = Setup(RecordingMode.Record, server);
        using var cancellation = new CancellationTokenSource();

        var run = JudgeRunner.RunAsync(Judge(setup), Items(200), parallel: 4, cancellationToken: cancellation.Token);
        await allWorkersBlocked.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var files = Directory.EnumerateFiles(Recordings, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(answered, files.Count);
        Assert.DoesNotContain(files, f => f.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal));
        Assert.Equal(answered, Store.Keys().Count);
        Assert.All(Store.Keys(), key =>
        {
            var recording = Store.TryRead(key);
            Assert.NotNull(recording);
            Assert.Matches(@"Score: \d$", recording.ResponseText);
        });
    }
}
