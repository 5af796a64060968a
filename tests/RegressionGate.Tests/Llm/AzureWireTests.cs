using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using RegressionGate.Judging;
using RegressionGate.Llm;

namespace RegressionGate.Tests.Llm;

/// <summary>What the live client puts on the wire, and how it copes with throttling, errors and silence.</summary>
public sealed class AzureWireTests
{
    static IChatClient Azure(LoopbackOpenAIServer server, LlmClientOptions? options = null) =>
        LlmClientFactory.Create(LlmConnection.FromEnvironment(TestEnvironments.Azure(server.BaseAddress))!, options ?? TestEnvironments.Quick());

    static Task<ChatResponse> Judge(IChatClient client, string question = "Qual é o objetivo da camada de pooling?", string answer = "Reduzir a dimensionalidade.")
    {
        var request = AnswerRelevanceJudge.Request(question, answer);
        return client.GetResponseAsync(request.Messages, request.Options);
    }

    [Fact]
    public async Task Request_has_the_azure_path_api_version_api_key_header_and_chat_body()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 3"));
        using var client = Azure(server);

        var response = await Judge(client, "Qual é o objetivo da camada de pooling?", "Reduzir a dimensionalidade.");

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/openai/deployments/{TestEnvironments.Deployment}/chat/completions", request.Path);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}(-preview)?$", request.ApiVersion);
        Assert.Equal(TestEnvironments.ApiKey, request.ApiKeyHeader);
        Assert.Equal("", request.AuthorizationHeader);

        var body = request.Json;
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(AnswerRelevancePrompt.System, request.Message("system"));
        Assert.Equal("PROMPT:\nQual é o objetivo da camada de pooling?\n\nRESPONSE:\nReduzir a dimensionalidade.", request.Message("user"));
        Assert.DoesNotContain("regression-gate", request.Body);

        Assert.Equal("Score: 3", response.Text);
        Assert.Equal(Reply.Model, response.ModelId);
        Assert.Equal(120, response.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Openai_compatible_endpoint_gets_bearer_auth_and_the_model_in_the_body()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("Score: 1"));
        var environment = new Dictionary<string, string?>
        {
            [LlmEnvironmentVariables.OpenAIBaseUrl] = new Uri(server.BaseAddress, "v1").ToString(),
            [LlmEnvironmentVariables.OpenAIApiKey] = TestEnvironments.ApiKey,
            [LlmEnvironmentVariables.OpenAIModel] = "llama-3.1-8b",
        };
        using var client = LlmClientFactory.Create(LlmConnection.FromEnvironment(environment)!, TestEnvironments.Quick());

        var response = await Judge(client);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {TestEnvironments.ApiKey}", request.AuthorizationHeader);
        Assert.Equal("llama-3.1-8b", request.Json.GetProperty("model").GetString());
        Assert.Equal("Score: 1", response.Text);
    }

    [Fact]
    public async Task Throttled_request_waits_as_retry_after_says_then_succeeds()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => r.Number == 1
            ? Reply.Error(429, "Rate limit reached", KeyValuePair.Create("Retry-After", "0"))
            : Reply.Completion("Score: 2"));
        var retries = new ConcurrentQueue<LlmRetry>();
        // The backoff would be a minute: only honouring Retry-After: 0 lets this finish at once.
        var options = TestEnvironments.Quick(onRetry: retries.Enqueue) with
        {
            RetryBaseDelay = TimeSpan.FromMinutes(1),
            MaxRetryDelay = TimeSpan.FromMinutes(2),
        };
        using var client = Azure(server, options);

        var response = await Judge(client);

        Assert.Equal("Score: 2", response.Text);
        Assert.Equal(2, server.Count);
        var retry = Assert.Single(retries);
        Assert.Equal(new LlmRetry(1, 429, TimeSpan.Zero), retry);
    }

    [Fact]
    public async Task Server_errors_are_retried_up_to_the_limit_then_fail_clearly()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Error(500, "The server had an error while processing your request."));
        using var client = Azure(server, TestEnvironments.Quick(maxRetries: 2));

        var error = await Assert.ThrowsAsync<LlmCallException>(() => Judge(client));

        Assert.Equal(3, server.Count);
        Assert.Equal(500, error.Status);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("HTTP 500 on all 3 attempts", error.Message);
        Assert.Contains("The server had an error", error.Message);
        Assert.Contains(server.BaseAddress.ToString(), error.Message);
        Assert.Contains($"deployment '{TestEnvironments.Deployment}'", error.Message);
    }

    [Fact]
    public async Task Server_error_then_success_is_retried_transparently()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => r.Number <= 2 ? Reply.Error(503, "busy") : Reply.Completion("Score: 0"));
        using var client = Azure(server, TestEnvironments.Quick(maxRetries: 2));

        var response = await Judge(client);

        Assert.Equal("Score: 0", response.Text);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task Rejected_key_is_not_retried_and_the_error_never_shows_the_key()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r =>
            Reply.Error(401, $"Access denied due to invalid subscription key {r.ApiKeyHeader}."));
        using var client = Azure(server);

        var error = await Assert.ThrowsAsync<LlmCallException>(() => Judge(client));

        Assert.Equal(1, server.Count);
        Assert.Equal(401, error.Status);
        Assert.DoesNotContain(TestEnvironments.ApiKey, error.Message);
        Assert.Contains("***", error.Message);
        Assert.Contains(LlmEnvironmentVariables.AzureApiKey, error.Message);
    }

    [Fact]
    public async Task Silent_endpoint_times_out_with_a_clear_error_after_every_attempt()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(async r =>
        {
            await Task.Delay(Timeout.Infinite, r.Aborted);
            return Reply.Completion("never");
        });
        var retries = new ConcurrentQueue<LlmRetry>();
        using var client = Azure(server, TestEnvironments.Quick(maxRetries: 1, timeoutSeconds: 0.2, onRetry: retries.Enqueue));

        var error = await Assert.ThrowsAsync<LlmTimeoutException>(() => Judge(client));

        Assert.Equal(2, error.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(0.2), error.Timeout);
        Assert.Null(error.Status);
        Assert.Null(Assert.Single(retries).Status);
        // A busy server may not even have read a request before the client gave up on it, so only bound the count.
        Assert.InRange(server.Count, 0, 2);
        Assert.Contains("did not answer within the 0.2 s timeout (llm.timeoutSeconds in gate.json) on all 2 attempts", error.Message);
        Assert.Contains(server.BaseAddress.ToString(), error.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackOpenAIServer.StartAsync(async r =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, r.Aborted);
            return Reply.Completion("never");
        });
        using var client = Azure(server);
        using var cancellation = new CancellationTokenSource();
        var request = AnswerRelevanceJudge.Request("q", "a");

        var call = client.GetResponseAsync(request.Messages, request.Options, cancellation.Token);
        await arrived.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Unreachable_endpoint_fails_clearly()
    {
        // A socket bound but not listening holds the port (no other test can take it) and refuses connections.
        using var reserved = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        reserved.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)reserved.LocalEndPoint!).Port}/");
        using var client = LlmClientFactory.Create(LlmConnection.FromEnvironment(TestEnvironments.Azure(address))!, TestEnvironments.Quick(maxRetries: 1));
        var request = AnswerRelevanceJudge.Request("q", "a");

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.GetResponseAsync(request.Messages, request.Options));

        Assert.Null(error.Status);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("could not be reached on all 2 attempts", error.Message);
        Assert.Contains(address.ToString(), error.Message);
    }
}
