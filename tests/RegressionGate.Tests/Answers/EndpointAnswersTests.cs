using System.Text.Json;
using RegressionGate.Answers;
using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Llm;
using RegressionGate.ModelCalls;
using RegressionGate.Tests.Cli;
using RegressionGate.Tests.Llm;
using RegressionGate.Tests.Triad;

namespace RegressionGate.Tests.Answers;

/// <summary>
/// The team's assistant as the answer source, against a real HTTP server on loopback: the request it receives, the
/// answer and segments read by JSON path, recording then replay with the server stopped, and every way it can fail.
/// The judge is the offline similarity judge, so only the assistant is called.
/// </summary>
public sealed class EndpointAnswersTests : IDisposable
{
    const string Token = "assistant-SECRET-token-42";

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The assistant's reply: an answer citing its first two segments, the ids under <c>sources</c>.</summary>
    static Reply Assistant(ObservedRequest request, params string[] ids)
    {
        var question = JsonDocument.Parse(request.Body).RootElement.GetProperty("query").GetString();
        return new Reply(200, JsonSerializer.Serialize(new
        {
            answer = $"Sobre «{question}»: o pooling reduz a resolução [1] e o número de parâmetros [2].",
            sources = ids.Select(id => new { id, score = 0.9 }),
        }), []);
    }

    string Golden(Uri url, string answerPath = "$.answer") => TriadGolden.Write(temp, judge: "similarity", answers: $$"""
        {
          "source": "endpoint",
          "endpoint": {
            "url": "{{url}}ask?tenant=demo",
            "body": { "query": "{{EndpointRequest.QuestionPlaceholder}}", "id": "{{EndpointRequest.QuestionIdPlaceholder}}", "k": 3 },
            "answerPath": "{{answerPath}}",
            "segmentIdsPath": "$.sources[*].id",
            "headers": { "Authorization": "Bearer ${ASSISTANT_TOKEN}" }
          }
        }
        """);

    static GateRunOptions Options(RecordingMode mode, string? token = Token) => new()
    {
        LlmMode = mode,
        Environment = EnvironmentVariables.From(token is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ASSISTANT_TOKEN"] = token }),
        Warning = _ => { },
    };

    [Fact]
    public async Task The_assistant_gets_the_body_with_the_question_and_its_answer_and_segments_are_read_by_path()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => Assistant(r, "1009", "7743", "1600"));
        var input = GateInput.Load(Golden(server.BaseAddress));

        var evaluation = await GateRunner.EvaluateAsync(input, Options(RecordingMode.Record));

        Assert.Equal(3, server.Count);
        var asked = server.Requests.Single(r => r.Body.Contains("\"105\"", StringComparison.Ordinal));
        Assert.Equal("POST", asked.Method);
        Assert.Equal("/ask", asked.Path);
        Assert.Equal($"Bearer {Token}", asked.AuthorizationHeader);
        var body = JsonDocument.Parse(asked.Body).RootElement;
        Assert.Equal(input.Golden.Questions.Single(q => q.Id == "105").Text, body.GetProperty("query").GetString());
        Assert.Equal(3, body.GetProperty("k").GetInt32());

        var answer = Assert.IsType<AnswerUnderTest>(evaluation.Answers["105"]);
        Assert.StartsWith("Sobre «Qual é o objetivo da camada de pooling", answer.Text);
        // The endpoint's own segments are the context the metrics grade, and its [n] point into them.
        Assert.Equal(["1009", "7743", "1600"], answer.Context.Select(s => s.Id));
        Assert.Equal(["1009", "7743"], answer.References.Select(s => s.Id));
        Assert.Equal("endpoint", evaluation.AnswerSource.Kind);
        Assert.Equal($"{server.BaseAddress}ask", evaluation.AnswerSource["url"]);
    }

    [Fact]
    public async Task Recording_then_replaying_with_the_server_stopped_gives_the_same_answers_and_no_recording_holds_the_token()
    {
        IReadOnlyDictionary<string, AnswerOutcome> recorded;
        string golden;
        await using (var server = await LoopbackOpenAIServer.StartAsync(r => Assistant(r, "1009", "7743")))
        {
            golden = Golden(server.BaseAddress);
            recorded = (await GateRunner.EvaluateAsync(GateInput.Load(golden), Options(RecordingMode.Record))).Answers;
            await server.StopAsync();
        }

        // Replay needs neither the server nor the token.
        var replayed = (await GateRunner.EvaluateAsync(GateInput.Load(golden), Options(RecordingMode.Replay, token: null))).Answers;

        Assert.Equal(3, replayed.Count);
        foreach (var (id, outcome) in recorded)
        {
            var before = Assert.IsType<AnswerUnderTest>(outcome);
            var after = Assert.IsType<AnswerUnderTest>(replayed[id]);
            Assert.Equal(before.Text, after.Text);
            Assert.Equal(before.Context.Select(s => s.Id), after.Context.Select(s => s.Id));
        }
        var recordings = Directory.GetFiles(Path.Combine(golden, "recordings"));
        Assert.Equal(3, recordings.Length);
        Assert.All(recordings, file =>
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(Token, text);
            Assert.DoesNotContain("tenant=demo", text);
        });
    }

    [Fact]
    public async Task A_reply_the_paths_cannot_read_or_naming_a_segment_outside_the_corpus_fails_that_answer_quoting_the_reply()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => r.Body.Contains("\"105\"", StringComparison.Ordinal)
            ? Assistant(r, "1009", "no-such-segment")
            : Assistant(r, "1009"));
        var golden = Golden(server.BaseAddress);

        var result = await GateRunner.RunAsync(GateInput.Load(golden), Options(RecordingMode.Record));

        var unknown = Assert.IsType<AnswerFailure>(result.For("105").Answer);
        Assert.Contains("the endpoint gave segment no-such-segment, which is not in corpus.jsonl", unknown.Message);
        Assert.Contains("\"no-such-segment\"", unknown.RawOutput);
        Assert.False(result.For("105").AnswerCheck!.Passed);
        // Without an answer there is nothing for answer relevance or groundedness to grade; no score stands in for one.
        Assert.All(result.For("105").Metrics, m => Assert.Null(m.Outcome));
        Assert.IsType<AnswerUnderTest>(result.For("q-gd").Answer);

        var misread = await GateRunner.EvaluateAsync(GateInput.Load(Golden(server.BaseAddress, answerPath: "$.reply.text")), Options(RecordingMode.Replay));
        var failure = Assert.IsType<AnswerFailure>(misread.Answers["q-gd"]);
        Assert.Contains("answers.endpoint.answerPath $.reply.text selects nothing, not one string", failure.Message);
    }

    [Fact]
    public async Task An_error_status_fails_only_that_answer_and_records_nothing_for_it()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => r.Body.Contains("\"q-km\"", StringComparison.Ordinal)
            ? new Reply(503, $"{{\"detail\":\"overloaded, token {Token}\"}}", [])
            : Assistant(r, "1600"));
        var golden = Golden(server.BaseAddress);

        var evaluation = await GateRunner.EvaluateAsync(GateInput.Load(golden), Options(RecordingMode.Record));

        var failure = Assert.IsType<AnswerFailure>(evaluation.Answers["q-km"]);
        Assert.Equal(ModelCallFailure.CallFailed, failure.Kind);
        Assert.Contains($"{server.BaseAddress}ask answered HTTP 503", failure.Message);
        Assert.DoesNotContain(Token, failure.Message);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(golden, "recordings")).Length);
    }

    [Fact]
    public async Task Replay_without_a_recording_names_the_command_that_records_it()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => Assistant(r, "1009"));
        var golden = Golden(server.BaseAddress);

        var evaluation = await GateRunner.EvaluateAsync(GateInput.Load(golden), Options(RecordingMode.Replay, token: null));

        var failure = Assert.IsType<AnswerFailure>(evaluation.Answers["105"]);
        Assert.Equal(ModelCallFailure.MissingRecording, failure.Kind);
        Assert.Contains("--llm record", failure.Message);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_header_naming_a_variable_that_is_not_set_stops_a_record_run_before_any_call()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => Assistant(r, "1009"));
        var golden = Golden(server.BaseAddress);
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync(new Dictionary<string, string>(), "run", "--golden", golden, "--llm", "record", "--out", temp.Combine("out"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("names ${ASSISTANT_TOKEN}, but ASSISTANT_TOKEN is not set", outcome.Error);
        Assert.Equal(0, server.Count);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }
}
