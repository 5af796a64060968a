using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Llm;

/// <summary>
/// A key in the endpoint URL (a SAS-style <c>?sig=…</c>, or <c>user:secret@</c>) reaches no console line, report,
/// recording, snapshot or exception: endpoints are shown as scheme://host[:port]/path only.
/// </summary>
public sealed class EndpointSecretTests : IDisposable
{
    const string Marker = "SIGMARK-4d1f";
    const string UserMarker = "USERMARK-9e2b";

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static Uri WithSecrets(Uri server) => new($"http://admin:{UserMarker}@{server.Authority}/base/?sig={Marker}&se=2030");

    [Fact]
    public void A_connection_shows_its_endpoint_without_userinfo_or_query()
    {
        var connection = LlmConnection.FromEnvironment(TestEnvironments.Azure(WithSecrets(new Uri("http://127.0.0.1:8443/"))))!;

        Assert.Equal("Azure OpenAI at http://127.0.0.1:8443/base/ (deployment 'gpt-4o-mini')", connection.ToString());
    }

    [Fact]
    public void An_endpoint_that_is_not_http_is_refused_without_echoing_its_secrets()
    {
        var environment = TestEnvironments.Azure(new Uri($"ftp://admin:{UserMarker}@example.org/x?sig={Marker}"));

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConnection.FromEnvironment(environment));

        Assert.Contains("found a ftp URL (ftp://example.org)", error.Message);
        AssertClean(error.ToString());
    }

    [Fact]
    public async Task A_failing_call_says_which_endpoint_without_its_secrets_even_when_the_server_echoes_the_url()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync(r => Reply.Error(400, $"no such resource: {r.Path}{r.Query}"));
        using var client = LlmClientFactory.Create(LlmConnection.FromEnvironment(TestEnvironments.Azure(WithSecrets(server.BaseAddress)))!, TestEnvironments.Quick());
        var request = AnswerRelevanceJudge.Request("Qual é o objetivo da camada de pooling?", "Reduzir a dimensionalidade.");

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.GetResponseAsync(request.Messages, request.Options));

        Assert.Contains($"http://{server.BaseAddress.Authority}/base/", error.Message);
        Assert.Contains("answered HTTP 400", error.Message);
        Assert.Contains(server.Requests, r => r.Query.Contains(Marker, StringComparison.Ordinal));
        AssertClean(error.ToString());
    }

    [Fact]
    public async Task Recording_through_an_endpoint_with_secrets_leaves_them_in_no_output_file_or_line()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: "answer-relevance");
        var calls = 0;
        await using var server = await LoopbackOpenAIServer.StartAsync(r =>
            Interlocked.Increment(ref calls) == 1 ? Reply.Error(400, $"rejected {r.Path}{r.Query}") : Reply.Completion("Criteria: ok.\nScore: 3"));
        var environment = TestEnvironments.Azure(WithSecrets(server.BaseAddress)).ToDictionary(p => p.Key, p => p.Value!);

        var run = await CliRun.RunAsync(environment, "run", "--golden", golden, "--out", temp.Combine("out"), "--llm", "record", "--parallel", "1");
        var ask = await CliRun.RunAsync(environment, "ask", "Para que serve o pooling?", "--golden", golden, "--top", "2");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"http://{server.BaseAddress.Authority}/base/", run.Out);
        Assert.True(Directory.EnumerateFiles(Path.Combine(golden, "recordings")).Any(), "the later calls were recorded");
        AssertClean(run.ToString());
        AssertClean(ask.ToString());
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories))
            Assert.False(File.ReadAllText(file).Contains(Marker, StringComparison.Ordinal) || File.ReadAllText(file).Contains(UserMarker, StringComparison.Ordinal),
                $"{Path.GetRelativePath(temp.Path, file)} holds a secret of the endpoint URL");
    }

    static void AssertClean(string text) =>
        Assert.False(text.Contains(Marker, StringComparison.Ordinal) || text.Contains(UserMarker, StringComparison.Ordinal),
            $"a secret of the endpoint URL leaked:\n{text}");
}
