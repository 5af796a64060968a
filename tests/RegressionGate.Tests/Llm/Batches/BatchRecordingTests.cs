using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;

namespace RegressionGate.Tests.Llm.Batches;

/// <summary>A record or refresh run with <c>--batch</c> against a loopback server speaking the Files and Batches APIs.</summary>
public sealed partial class BatchRecordingTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The judge's verdict: score 3 for question 105, 2 for the gradient question, 1 for k-means.</summary>
    static LineReply Verdict(BatchLine line) => new LineReply.Answer(VerdictText(line.Message("user")));

    static string VerdictText(string prompt) => $"Criteria: relevance.\nSupporting Evidence: the answer.\nScore: {ScoreFor(prompt)}";

    static int ScoreFor(string prompt)
    {
        var question = prompt[..prompt.IndexOf("RESPONSE:", StringComparison.Ordinal)];
        return question.Contains("pooling", StringComparison.Ordinal) ? 3 : question.Contains("gradiente", StringComparison.Ordinal) ? 2 : 1;
    }

    static IReadOnlyList<string> KeysOf(string golden, int repeats = 1) =>
        GoldenSetLoader.Load(golden).Questions
            .SelectMany(q => Enumerable.Range(1, repeats).Select(r => AnswerRelevanceJudge.Request(q.Text, q.Answer!, r)))
            .Select(r => CanonicalRequest.From(TestEnvironments.Deployment, r.Messages, r.Options).Key)
            .Order(StringComparer.Ordinal)
            .ToList();

    static RecordingStore Store(string golden) => new(Path.Combine(golden, "recordings"));

    [Fact]
    public async Task A_record_run_sends_one_batch_file_keyed_by_recording_key_and_records_every_answer_naming_the_batch()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        var notes = new List<string>();

        var evaluation = await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp), notes: notes);

        var batch = Assert.Single(server.Batches);
        Assert.Equal("completed", batch.Status);
        var lines = Assert.Single(server.UploadedFiles).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(KeysOf(golden), lines.Select(l => l.GetProperty("custom_id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(lines, line =>
        {
            Assert.Equal("POST", line.GetProperty("method").GetString());
            Assert.Equal("/chat/completions", line.GetProperty("url").GetString());
            Assert.Equal(TestEnvironments.Deployment, line.GetProperty("body").GetProperty("model").GetString());
            Assert.Equal(0, line.GetProperty("body").GetProperty("temperature").GetDouble());
        });
        var create = server.Requests.Single(r => r.Method == "POST" && r.Path == "/openai/batches").Json;
        Assert.Equal("24h", create.GetProperty("completion_window").GetString());
        Assert.Equal("/chat/completions", create.GetProperty("endpoint").GetString());
        Assert.All(server.Requests, r => Assert.Equal(LoopbackBatchServer.ApiVersion, r.ApiVersion));

        Assert.Equal(KeysOf(golden), Store(golden).Keys());
        foreach (var key in Store(golden).Keys())
        {
            var recording = Store(golden).TryRead(key)!;
            Assert.Equal(RecordingProvenance.RecordedSource, recording.Provenance.Source);
            Assert.Equal(batch.Id, recording.Provenance[RecordingProvenance.BatchField]);
            Assert.Equal(Reply.Model, recording.Model);
            Assert.Equal(160, recording.Usage?.Total);
        }
        var scores = evaluation.Judged.ToDictionary(j => j.Key, j => Assert.IsType<Judgment>(j.Value).Score);
        Assert.Equal(3, scores["105"]);
        Assert.Equal(2, scores["q-gd"]);
        Assert.Equal(1, scores["q-km"]);
        Assert.Contains(notes, n => n.StartsWith($"submitted batch {batch.Id}: 3 requests", StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.Combine("cache", "batches")) && Directory.EnumerateFileSystemEntries(temp.Combine("cache", "batches")).Any(),
            "the record of pending batches is gone once everything is recorded");
    }

    [Fact]
    public async Task Batch_recordings_are_the_recordings_a_chat_call_makes_but_for_provenance_and_replay_reads_them_alike()
    {
        using var chatTemp = new TempDirectory();
        var chatGolden = BatchGolden.Write(chatTemp);
        await using (var chat = await LoopbackOpenAIServer.StartAsync(r => Reply.Completion(VerdictText(r.Message("user")))))
        {
            await GateRunner.EvaluateAsync(GateInput.Load(chatGolden), new GateRunOptions
            {
                LlmMode = RecordingMode.Record,
                Environment = BatchGolden.Environment(chat.BaseAddress, chatTemp),
            });
        }
        var golden = BatchGolden.Write(temp);
        await using (var server = await LoopbackBatchServer.StartAsync(Verdict))
            await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));

        Assert.Equal(Store(chatGolden).Keys(), Store(golden).Keys());
        foreach (var key in Store(golden).Keys())
        {
            var viaChat = Store(chatGolden).TryRead(key)!;
            var viaBatch = Store(golden).TryRead(key)!;
            Assert.Equal(RecordingStore.Serialise(viaChat with { RecordedAt = default, Provenance = viaBatch.Provenance }),
                RecordingStore.Serialise(viaBatch with { RecordedAt = default }));
            Assert.Equal([.. viaChat.Provenance.Fields, new(RecordingProvenance.BatchField, viaBatch.Provenance[RecordingProvenance.BatchField]!)],
                viaBatch.Provenance.Fields);
        }
        var replayed = await GateRunner.EvaluateAsync(GateInput.Load(golden), new GateRunOptions
        {
            LlmMode = RecordingMode.Replay,
            Environment = BatchGolden.Environment(new Uri("http://127.0.0.1:9/"), temp),
        });
        Assert.All(replayed.Judged.Values, outcome => Assert.IsType<Judgment>(outcome));
    }

    [Fact]
    public async Task Record_sends_only_what_has_no_recording_and_with_everything_recorded_submits_nothing()
    {
        var golden = BatchGolden.Write(temp);
        var question = GoldenSetLoader.Load(golden).Questions.Single(q => q.Id == "105");
        var request = AnswerRelevanceJudge.Request(question.Text, question.Answer!);
        var authored = Store(golden).WriteAuthored(TestEnvironments.Deployment, request.Messages, request.Options, "Criteria: c\nScore: 2", "written for this test");
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);

        await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));
        var again = await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));

        var lines = Assert.Single(server.UploadedFiles);
        Assert.Equal(KeysOf(golden).Where(k => k != authored.Key), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Single(server.Batches);
        Assert.Equal(RecordingProvenance.AuthoredSource, Store(golden).TryRead(authored.Key)!.Provenance.Source);
        Assert.Equal(2, Assert.IsType<Judgment>(again.Judged["105"]).Score);
    }

    [Fact]
    public async Task Refresh_sends_every_request_and_replaces_each_recording_with_the_batch_answer()
    {
        var golden = BatchGolden.Write(temp);
        foreach (var question in GoldenSetLoader.Load(golden).Questions)
        {
            var request = AnswerRelevanceJudge.Request(question.Text, question.Answer!);
            Store(golden).WriteAuthored(TestEnvironments.Deployment, request.Messages, request.Options, "Criteria: c\nScore: 0", "written for this test");
        }
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);

        var evaluation = await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp), RecordingMode.Refresh);

        Assert.Equal(3, Assert.Single(server.UploadedFiles).Count);
        Assert.All(Store(golden).Keys(), key => Assert.Equal(server.Batches[0].Id, Store(golden).TryRead(key)!.Provenance[RecordingProvenance.BatchField]));
        Assert.Equal(3, Assert.IsType<Judgment>(evaluation.Judged["105"]).Score);
    }

    [Fact]
    public async Task Every_repeat_of_every_answer_goes_in_the_one_batch()
    {
        var golden = BatchGolden.Write(temp, repeats: 3);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);

        var evaluation = await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));

        Assert.Single(server.Batches);
        Assert.Equal(KeysOf(golden, repeats: 3), Store(golden).Keys());
        Assert.Equal([2, 2, 2], Assert.IsType<Judgment>(evaluation.Judged["q-gd"]).Scores);
    }

    [Fact]
    public async Task A_file_the_service_has_not_processed_yet_is_polled_until_it_is_before_the_batch_is_created()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        server.PendingFilePolls = 3;

        await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));

        var calls = server.Requests.Select(r => $"{r.Method} {Regex.Replace(r.Path, "(file|batch)[-_][0-9a-z_]+", "$1")}").ToList();
        Assert.Equal(["POST /openai/files", "GET /openai/files/file", "GET /openai/files/file", "GET /openai/files/file", "GET /openai/files/file", "POST /openai/batches"],
            calls.Take(6));
        Assert.Equal(3, Store(golden).Keys().Count);
    }

    [Fact]
    public async Task A_file_the_service_rejects_stops_the_run_with_its_details_and_submits_nothing()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        server.FileError = "Invalid JSONL on line 2";

        var error = await Assert.ThrowsAsync<LlmBatchException>(() => BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp)));

        Assert.Contains("did not accept the batch file file-", error.Message);
        Assert.Contains("(status error: Invalid JSONL on line 2); nothing was submitted", error.Message);
        Assert.Empty(server.Batches);
        Assert.Empty(Store(golden).Keys());
    }

    [Fact]
    public async Task A_batch_that_fails_validation_stops_the_run_naming_each_line_and_a_corrected_run_submits_anew()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        server.ExpectedModel = "gpt-4o-mini-batch";

        var error = await Assert.ThrowsAsync<LlmBatchException>(() => BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp)));

        Assert.Contains($"batch {server.Batches[0].Id} failed validation at Azure OpenAI", error.Message);
        Assert.Contains("none of its requests was answered: line 1: invalid_request: The model 'gpt-4o-mini' does not match the deployment of this batch.; line 2:", error.Message);
        Assert.Empty(Store(golden).Keys());

        server.ExpectedModel = TestEnvironments.Deployment;
        await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));
        Assert.Equal(2, server.Batches.Count);
        Assert.Equal(3, Store(golden).Keys().Count);
    }

    [Fact]
    public async Task A_request_in_the_error_file_fails_its_question_with_the_error_in_words_and_the_next_run_sends_it_again()
    {
        var golden = BatchGolden.Write(temp);
        var filter = true;
        await using var server = await LoopbackBatchServer.StartAsync(line => filter && line.Message("user").Contains("k-means", StringComparison.Ordinal)
            ? new LineReply.HttpError(400, "content_filter", "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.")
            : Verdict(line));

        var evaluation = await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));

        var failure = Assert.IsType<JudgeFailure>(evaluation.Judged["q-km"]);
        Assert.Equal(JudgeFailureKind.CallFailed, failure.Kind);
        Assert.Equal($"the batch {server.Batches[0].Id} answered HTTP 400 for this request: content_filter: The response was filtered due to the " +
                     "prompt triggering Azure OpenAI's content management policy.", failure.Message);
        Assert.IsType<Judgment>(evaluation.Judged["105"]);
        Assert.Equal(2, Store(golden).Keys().Count);

        filter = false;
        var again = await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));
        Assert.Single(server.UploadedFiles[1]);
        Assert.Equal(1, Assert.IsType<Judgment>(again.Judged["q-km"]).Score);
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("expired")]
    public async Task A_batch_cancelled_or_expired_at_the_service_keeps_what_it_answered_and_fails_the_rest_in_words(string end)
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        server.Hold = true;

        var run = BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp));
        await server.HeldPoll.Task;
        var batch = server.Batches[0];
        if (end == "cancelled") server.Cancel(batch.Id, answered: 2);
        else server.Expire(batch.Id, answered: 2);
        var evaluation = await run;

        Assert.Equal(end, batch.Status);
        Assert.Equal(2, Store(golden).Keys().Count);
        var failure = Assert.Single(evaluation.Judged.Values.OfType<JudgeFailure>());
        Assert.Equal($"the batch {batch.Id} ended {end} before it answered this request", failure.Message);
    }

    [Fact]
    public async Task An_interrupted_run_leaves_its_batch_pending_and_the_same_command_collects_it_without_submitting_again()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        await InterruptWhileHeldAsync(golden, server);

        var batch = Assert.Single(server.Batches);
        var record = Assert.Single(Directory.GetFiles(temp.Combine("cache", "batches")));
        var text = File.ReadAllText(record);
        Assert.Contains(batch.Id, text);
        Assert.DoesNotContain(TestEnvironments.ApiKey, text);
        Assert.Empty(Store(golden).Keys());

        server.Hold = false;
        var notes = new List<string>();
        var evaluation = await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp), notes: notes);

        Assert.Single(server.Batches);
        Assert.Single(server.UploadedFiles);
        Assert.Contains($"resuming batch {batch.Id} that a run before this one submitted", notes);
        Assert.All(Store(golden).Keys(), key => Assert.Equal(batch.Id, Store(golden).TryRead(key)!.Provenance[RecordingProvenance.BatchField]));
        Assert.All(evaluation.Judged.Values, outcome => Assert.IsType<Judgment>(outcome));
        Assert.False(File.Exists(record));
    }

    [Fact]
    public async Task A_batch_pending_at_another_endpoint_is_neither_collected_nor_submitted_again_here()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        await InterruptWhileHeldAsync(golden, server);
        await using var other = await LoopbackBatchServer.StartAsync(Verdict);

        var error = await Assert.ThrowsAsync<LlmBatchException>(() => BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(other.BaseAddress, temp)));

        Assert.Contains($"batch {server.Batches[0].Id} pending for these recordings went to {server.BaseAddress}", error.Message);
        Assert.Contains("run with that configuration to collect it, or delete", error.Message);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task A_rejected_key_stops_the_run_naming_the_call_and_never_the_key()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        var variables = TestEnvironments.Azure(server.BaseAddress, apiKey: "sk-wrong-SECRET-1234").ToDictionary(p => p.Key, p => p.Value!);
        variables["REGRESSIONGATE_CACHE"] = temp.Combine("cache");

        var error = await Assert.ThrowsAsync<LlmBatchException>(() => BatchGolden.EvaluateAsync(golden, Environments.EnvironmentVariables.From(variables)));

        Assert.Contains("answered HTTP 401 to POST /openai/files: Access denied", error.Message);
        Assert.Contains("check AZURE_OPENAI_API_KEY", error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
        Assert.Empty(server.Batches);
    }

    [Fact]
    public async Task Waiting_is_reported_as_the_batch_stage_until_every_request_is_done()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(Verdict);
        var reports = new List<GateProgress>();

        await BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp), progress: new Collect(reports));

        var batch = reports.Where(r => r.Stage == GateStage.Batch).ToList();
        Assert.NotEmpty(batch);
        Assert.All(batch, r => Assert.Equal(3, r.Total));
        Assert.Equal(3, batch[^1].Done);
    }

    sealed class Collect(List<GateProgress> reports) : IProgress<GateProgress>
    {
        public void Report(GateProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }

    /// <summary>Starts a run, holds its batch in progress, and interrupts the run while it polls.</summary>
    async Task InterruptWhileHeldAsync(string golden, LoopbackBatchServer server)
    {
        server.Hold = true;
        using var interrupt = new CancellationTokenSource();
        var run = BatchGolden.EvaluateAsync(golden, BatchGolden.Environment(server.BaseAddress, temp), cancellationToken: interrupt.Token);
        await server.HeldPoll.Task;
        await interrupt.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
