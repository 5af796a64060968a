using Microsoft.Extensions.AI;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.ModelCalls;
using RegressionGate.Environments;

namespace RegressionGate.Tests.Llm;

/// <summary>The recording client in each mode, against the loopback server.</summary>
public sealed class RecordingChatClientTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Recordings => temp.Combine("recordings");

    LlmSetup Setup(RecordingMode mode, LoopbackOpenAIServer? server, string? model = null) => LlmSetup.Create(
        mode,
        Recordings,
        server is null ? TestEnvironments.Empty() : TestEnvironments.Azure(server.BaseAddress),
        model,
        TestEnvironments.Quick());

    static Task<ChatResponse> Ask(IChatClient client, string question = "O que faz o dropout?", int repeat = 1, CancellationToken cancellationToken = default)
    {
        var request = AnswerRelevanceJudge.Request(question, "Desliga neurônios ao acaso no treino.", repeat);
        return client.GetResponseAsync(request.Messages, request.Options, cancellationToken);
    }

    static string KeyOf(string question = "O que faz o dropout?", int repeat = 1, string model = TestEnvironments.Deployment)
    {
        var request = AnswerRelevanceJudge.Request(question, "Desliga neurônios ao acaso no treino.", repeat);
        return CanonicalRequest.From(model, request.Messages, request.Options).Key;
    }

    [Fact]
    public async Task Replay_miss_throws_with_the_key_and_the_command_that_records_it()
    {
        using var setup = Setup(RecordingMode.Replay, null, model: TestEnvironments.Deployment);

        var error = await Assert.ThrowsAsync<RecordingMissingException>(() => Ask(setup.Client));

        Assert.Equal(KeyOf(), error.Key);
        Assert.Equal(KeyOf(), error.RecordingKey);
        Assert.Equal(ModelCallFailure.MissingRecording, error.Failure);
        Assert.Contains(KeyOf(), error.Message);
        Assert.Contains(ToolCommand.Current.With("run --llm record"), error.Message);
        Assert.Equal(Path.Combine(Recordings, KeyOf() + ".json"), error.Path);
    }

    [Fact]
    public async Task Record_calls_on_a_miss_writes_the_recording_and_answers_the_next_time_from_disk()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 2", 100, 20));
        using var setup = Setup(RecordingMode.Record, server);

        var first = await Ask(setup.Client);
        var second = await Ask(setup.Client);

        Assert.Equal(1, server.Count);
        Assert.Equal("Score: 2", second.Text);
        Assert.Equal(KeyOf(), first.AdditionalProperties?[RecordingChatClient.RecordingKeyProperty]);
        var recording = new RecordingStore(Recordings).TryRead(KeyOf());
        Assert.NotNull(recording);
        Assert.Equal("Score: 2", recording.ResponseText);
        Assert.Equal(Reply.Model, recording.Model);
        Assert.Equal("stop", recording.FinishReason);
        Assert.Equal(new TokenUsage(100, 20, 120), recording.Usage);
        Assert.Equal(RecordingProvenance.RecordedSource, recording.Provenance.Source);
        Assert.Equal("azure-openai", recording.Provenance["provider"]);
    }

    [Fact]
    public async Task Judge_tags_go_into_the_key_but_never_onto_the_wire()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 2"));
        using var setup = Setup(RecordingMode.Record, server);

        await Ask(setup.Client, repeat: 1);
        await Ask(setup.Client, repeat: 2);

        Assert.Equal(2, server.Count);
        Assert.All(server.Requests, r => Assert.DoesNotContain("regression-gate", r.Body));
        Assert.Equal(new[] { KeyOf(repeat: 1), KeyOf(repeat: 2) }.Order(), new RecordingStore(Recordings).Keys());
    }

    [Fact]
    public async Task Recording_then_replaying_with_the_server_stopped_gives_the_identical_response()
    {
        ChatResponse recorded;
        await using (var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Criteria: a\nSupporting Evidence: b\nScore: 1")))
        {
            using var setup = Setup(RecordingMode.Record, server);
            recorded = await Ask(setup.Client);
        }

        using var replay = Setup(RecordingMode.Replay, null, model: TestEnvironments.Deployment);
        var replayed = await Ask(replay.Client);

        Assert.Equal(recorded.Text, replayed.Text);
        Assert.Equal(recorded.ModelId, replayed.ModelId);
        Assert.Equal(recorded.FinishReason, replayed.FinishReason);
        Assert.Equal(recorded.CreatedAt, replayed.CreatedAt);
        Assert.Equal(recorded.Usage?.TotalTokenCount, replayed.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task Refresh_calls_again_and_overwrites_but_only_once_per_run()
    {
        var score = 1;
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion($"Score: {Volatile.Read(ref score)}"));
        using (var record = Setup(RecordingMode.Record, server)) await Ask(record.Client);
        Volatile.Write(ref score, 3);

        using var refresh = Setup(RecordingMode.Refresh, server);
        var refreshed = await Ask(refresh.Client);
        var again = await Ask(refresh.Client);

        Assert.Equal(2, server.Count);
        Assert.Equal("Score: 3", refreshed.Text);
        Assert.Equal("Score: 3", again.Text);
        Assert.Equal("Score: 3", new RecordingStore(Recordings).TryRead(KeyOf())!.ResponseText);
    }

    [Fact]
    public async Task Live_calls_every_time_and_stores_nothing()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 2"));
        using var setup = Setup(RecordingMode.Live, server);

        await Ask(setup.Client);
        await Ask(setup.Client);

        Assert.Equal(2, server.Count);
        Assert.False(Directory.Exists(Recordings) && Directory.EnumerateFileSystemEntries(Recordings).Any());
    }

    [Fact]
    public async Task Identical_requests_at_once_make_one_call_and_one_recording()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackOpenAIServer.StartAsync(async _ =>
        {
            await release.Task;
            return Reply.Completion("Score: 2");
        });
        using var setup = Setup(RecordingMode.Record, server);

        // The first call holds the key's lock while its request is blocked; the others queue on that lock.
        var calls = Enumerable.Range(0, 3).Select(_ => Ask(setup.Client)).ToList();
        release.SetResult();
        var responses = await Task.WhenAll(calls);

        Assert.Equal(1, server.Count);
        Assert.All(responses, r => Assert.Equal("Score: 2", r.Text));
        Assert.Equal([KeyOf()], new RecordingStore(Recordings).Keys());
        Assert.Single(Directory.EnumerateFiles(Recordings, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task No_recording_file_ever_contains_the_api_key()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => Reply.Completion($"Score: {r.Number % 4}"));
        using (var setup = Setup(RecordingMode.Record, server))
        {
            for (var i = 0; i < 5; i++) await Ask(setup.Client, $"pergunta {i}");
        }

        var files = Directory.EnumerateFiles(Recordings, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(5, files.Count);
        Assert.All(server.Requests, r => Assert.Equal(TestEnvironments.ApiKey, r.ApiKeyHeader));
        Assert.All(files, f => Assert.DoesNotContain(TestEnvironments.ApiKey, File.ReadAllText(f)));
        Assert.All(files, f => Assert.DoesNotContain("SECRET", File.ReadAllText(f), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Streaming_is_served_from_the_recording()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 3"));
        using var setup = Setup(RecordingMode.Record, server);
        await Ask(setup.Client);
        var request = AnswerRelevanceJudge.Request("O que faz o dropout?", "Desliga neurônios ao acaso no treino.");

        var text = "";
        await foreach (var update in setup.Client.GetStreamingResponseAsync(request.Messages, request.Options)) text += update.Text;

        Assert.Equal("Score: 3", text);
        Assert.Equal(1, server.Count);
    }
}
