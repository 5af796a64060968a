using System.Text.Json;
using Microsoft.Extensions.AI;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;
using RegressionGate.ModelCalls;

namespace RegressionGate.Tests.Llm.Batches;

/// <summary>The batch recorder under a run of its own making: requests built on others' answers, large rounds, other providers.</summary>
public sealed class BatchRecorderTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static readonly BatchSettings Quick = new() { PollSeconds = 0.001, MaxPollSeconds = 0.02 };

    (LlmSetup Setup, BatchRecorder Recorder, IChatClient Client) Open(Dictionary<string, string?> environment, string model, int requestsPerFile = BatchRecorder.MaxRequestsPerFile)
    {
        var setup = LlmSetup.Create(RecordingMode.Record, temp.Combine("recordings"), environment, model, TestEnvironments.Quick());
        var recorder = new BatchRecorder(Quick, PendingBatches.For(temp.Combine("cache"), temp.Combine("recordings")), null, _ => { })
        {
            RequestsPerFile = requestsPerFile,
        };
        return (setup, recorder, recorder.Attach(setup.RecordingClient, setup.Connection!, TestEnvironments.Quick()));
    }

    static ChatOptions Tagged(string version) => new()
    {
        Temperature = 0,
        AdditionalProperties = new() { [ModelRequestProperties.PromptVersion] = version },
    };

    [Fact]
    public async Task A_request_built_from_an_answer_still_pending_goes_in_a_later_batch_and_no_stand_in_is_ever_sent()
    {
        await using var server = await LoopbackBatchServer.StartAsync(line => line.Message("user").StartsWith("Responda", StringComparison.Ordinal)
            ? new LineReply.Answer("O pooling reduz a dimensão espacial.")
            : new LineReply.Answer("Criteria: c\nScore: 2"));
        var (setup, recorder, client) = Open(TestEnvironments.Azure(server.BaseAddress), TestEnvironments.Deployment);
        using var _ = setup;
        using var __ = recorder;
        var passes = 0;

        var verdict = await recorder.RunAsync(async token =>
        {
            passes++;
            var answer = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Responda: o que faz o pooling?")], Tagged("answer-v1"), token);
            var judged = await client.GetResponseAsync([new ChatMessage(ChatRole.User, $"Julgue a resposta: {answer.Text}")], Tagged("judge-v1"), token);
            return judged.Text;
        }, CancellationToken.None);

        Assert.Equal("Criteria: c\nScore: 2", verdict);
        Assert.Equal(3, passes);
        var files = server.UploadedFiles;
        Assert.Equal(2, files.Count);
        Assert.Contains("Responda: o que faz o pooling?", Assert.Single(files[0]));
        Assert.Contains("Julgue a resposta: O pooling reduz a dimensão espacial.", Assert.Single(files[1]));
        Assert.DoesNotContain(files.SelectMany(f => f), line => line.Contains("regression-gate-batch-pending", StringComparison.Ordinal));
        Assert.Equal(2, setup.RecordingClient.Store.Keys().Count);
    }

    [Fact]
    public async Task A_round_larger_than_one_file_allows_goes_out_as_several_batches_and_is_collected_whole()
    {
        await using var server = await LoopbackBatchServer.StartAsync(line => new LineReply.Answer("Score: " + line.Message("user")[^1]));
        var (setup, recorder, client) = Open(TestEnvironments.Azure(server.BaseAddress), TestEnvironments.Deployment, requestsPerFile: 2);
        using var _ = setup;
        using var __ = recorder;

        var answers = await recorder.RunAsync(token => Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
            (await client.GetResponseAsync([new ChatMessage(ChatRole.User, $"pergunta {i}")], Tagged("judge-v1"), token)).Text)), CancellationToken.None);

        Assert.Equal(["Score: 0", "Score: 1", "Score: 2", "Score: 3", "Score: 4"], answers);
        Assert.Equal([2, 2, 1], server.UploadedFiles.Select(f => f.Count));
        Assert.Equal(3, server.Batches.Count);
        Assert.Equal(5, setup.RecordingClient.Store.Keys().Count);
    }

    [Fact]
    public async Task An_openai_compatible_endpoint_gets_its_own_paths_bearer_auth_and_the_model_in_each_line()
    {
        await using var server = await LoopbackBatchServer.StartAsync(_ => new LineReply.Answer("Score: 3"));
        server.ExpectedModel = "gpt-4.1-mini";
        var environment = new Dictionary<string, string?>
        {
            [LlmEnvironmentVariables.OpenAIBaseUrl] = new Uri(server.BaseAddress, "v1").ToString(),
            [LlmEnvironmentVariables.OpenAIApiKey] = TestEnvironments.ApiKey,
            [LlmEnvironmentVariables.OpenAIModel] = "gpt-4.1-mini",
        };
        var (setup, recorder, client) = Open(environment, "gpt-4.1-mini");
        using var _ = setup;
        using var __ = recorder;

        var answer = await recorder.RunAsync(async token =>
            (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "pergunta")], Tagged("judge-v1"), token)).Text, CancellationToken.None);

        Assert.Equal("Score: 3", answer);
        Assert.All(server.Requests, r =>
        {
            Assert.StartsWith("/v1/", r.Path, StringComparison.Ordinal);
            Assert.Equal($"Bearer {TestEnvironments.ApiKey}", r.AuthorizationHeader);
            Assert.Equal("", r.ApiKeyHeader);
        });
        var line = JsonDocument.Parse(Assert.Single(Assert.Single(server.UploadedFiles))).RootElement;
        Assert.Equal("/v1/chat/completions", line.GetProperty("url").GetString());
        Assert.Equal("gpt-4.1-mini", line.GetProperty("body").GetProperty("model").GetString());
    }

    [Fact]
    public async Task The_batch_api_is_called_with_the_api_version_and_key_header_the_chat_client_sends()
    {
        await using var chat = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 1"));
        using (var live = LlmClientFactory.Create(LlmConnection.FromEnvironment(TestEnvironments.Azure(chat.BaseAddress))!, TestEnvironments.Quick()))
            await live.GetResponseAsync([new ChatMessage(ChatRole.User, "pergunta")]);
        await using var server = await LoopbackBatchServer.StartAsync(_ => new LineReply.Answer("Score: 3"));
        var (setup, recorder, client) = Open(TestEnvironments.Azure(server.BaseAddress), TestEnvironments.Deployment);
        using var _ = setup;
        using var __ = recorder;

        await recorder.RunAsync(token => client.GetResponseAsync([new ChatMessage(ChatRole.User, "pergunta")], Tagged("judge-v1"), token), CancellationToken.None);

        var chatRequest = Assert.Single(chat.Requests);
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal(chatRequest.ApiVersion, r.ApiVersion);
            Assert.Equal(chatRequest.ApiKeyHeader, r.ApiKeyHeader);
            Assert.Equal("", r.AuthorizationHeader);
        });
    }

    [Fact]
    public async Task A_batch_line_body_is_the_body_the_chat_client_posts_with_the_deployment_as_model()
    {
        await using var chat = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 1"));
        var request = RegressionGate.Judging.AnswerRelevanceJudge.Request("Qual é o objetivo da camada de pooling?", "Reduzir a dimensão.", repeat: 2);
        using (var live = LlmClientFactory.Create(LlmConnection.FromEnvironment(TestEnvironments.Azure(chat.BaseAddress))!, TestEnvironments.Quick()))
            await live.GetResponseAsync(request.Messages, RecordingChatClient.ForModel(request.Options));
        await using var server = await LoopbackBatchServer.StartAsync(_ => new LineReply.Answer("Score: 3"));
        var (setup, recorder, client) = Open(TestEnvironments.Azure(server.BaseAddress), TestEnvironments.Deployment);
        using var _ = setup;
        using var __ = recorder;

        await recorder.RunAsync(token => client.GetResponseAsync(request.Messages, request.Options, token), CancellationToken.None);

        var line = JsonDocument.Parse(Assert.Single(Assert.Single(server.UploadedFiles))).RootElement;
        var posted = Assert.Single(chat.Requests).Json;
        Assert.Equal(TestEnvironments.Deployment, line.GetProperty("body").GetProperty("model").GetString());
        Assert.Equal(posted.GetProperty("messages").GetRawText(), line.GetProperty("body").GetProperty("messages").GetRawText());
        Assert.Equal(posted.GetProperty("temperature").GetRawText(), line.GetProperty("body").GetProperty("temperature").GetRawText());
        Assert.Equal(posted.EnumerateObject().Select(p => p.Name).Append("model").Distinct().Order(), line.GetProperty("body").EnumerateObject().Select(p => p.Name).Order());
    }
}
