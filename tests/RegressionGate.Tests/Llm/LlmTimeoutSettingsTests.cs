using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Llm;

/// <summary>
/// How long the gate waits for an LLM is set in gate.json (<c>llm.timeoutSeconds</c> per attempt,
/// <c>llm.retries</c>, and <c>llm.deadlineSeconds</c> for all of a run's calls), and a hanging endpoint's message names
/// the setting that cut it short. The loopback server never answers: it waits until the client gives up.
/// </summary>
public sealed class LlmTimeoutSettingsTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Out => temp.Combine("out");

    static Task<LoopbackOpenAIServer> Hanging() => LoopbackOpenAIServer.StartAsync(async request =>
    {
        await Task.Delay(Timeout.Infinite, request.Aborted);
        return Reply.Completion("never sent");
    });

    string Golden(string llm)
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: "answer-relevance");
        File.WriteAllText(Path.Combine(golden, "gate.json"), $$"""
            {
              "retriever": { "k": 5 },
              "judge": { "kind": "answer-relevance", "model": "gpt-4o-mini" },
              "llm": {{llm}}
            }
            """);
        return golden;
    }

    static Dictionary<string, string> Environment(LoopbackOpenAIServer server) =>
        TestEnvironments.Azure(server.BaseAddress).ToDictionary(p => p.Key, p => p.Value!);

    [Fact]
    public async Task A_hanging_endpoint_fails_each_judgment_after_the_configured_timeout_naming_the_setting()
    {
        await using var server = await Hanging();
        var golden = Golden("""{ "timeoutSeconds": 0.2, "retries": 1 }""");

        var outcome = await CliRun.RunAsync(Environment(server), "run", "--golden", golden, "--out", Out, "--llm", "record");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        foreach (var question in new[] { "105", "q-gd", "q-km" })
            Assert.Contains($"  {question} judgment: question {question}: Azure OpenAI at {server.BaseAddress} (deployment 'gpt-4o-mini') " +
                            "did not answer within the 0.2 s timeout (llm.timeoutSeconds in gate.json) on all 2 attempts", outcome.Out);
        // Never more than the two attempts per answer the settings allow (an attempt may time out before it arrives).
        Assert.InRange(server.Count, 0, 6);
        Assert.False(Directory.Exists(Path.Combine(golden, "recordings")), "nothing was recorded");
    }

    [Fact]
    public async Task The_deadline_ends_a_run_whose_endpoint_hangs_and_names_the_setting()
    {
        await using var server = await Hanging();
        var golden = Golden("""{ "timeoutSeconds": 600, "deadlineSeconds": 0.3, "parallel": 1 }""");

        var outcome = await CliRun.RunAsync(Environment(server), "run", "--golden", golden, "--out", Out, "--llm", "record");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        foreach (var question in new[] { "105", "q-gd", "q-km" })
            Assert.Contains($"  {question} judgment: question {question}: not judged: the LLM deadline of 0.3 s (llm.deadlineSeconds in gate.json) passed", outcome.Out);
        // One answer at a time: the first call is abandoned at the deadline (if it had even arrived), and no later one starts.
        Assert.InRange(server.Count, 0, 1);
    }

    [Fact]
    public async Task Ask_with_an_unreachable_LLM_shows_the_segments_then_one_error_line()
    {
        var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("unused"));
        var environment = Environment(server);
        var address = server.BaseAddress;
        // Nothing listens on the port any more: the connection is refused.
        await server.DisposeAsync();
        var golden = Golden("""{ "retries": 0 }""");

        var outcome = await CliRun.RunAsync(environment, "ask", "Para que serve o pooling?", "--golden", golden, "--top", "2");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains(" 1. [", outcome.Out);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: no answer: Azure OpenAI at {address} (deployment 'gpt-4o-mini') could not be reached on the only attempt", line);
    }

    [Theory]
    [InlineData("timeoutSeconds", "0")]
    [InlineData("timeoutSeconds", "-1")]
    [InlineData("deadlineSeconds", "0")]
    [InlineData("retries", "-1")]
    public async Task A_timeout_setting_out_of_range_is_rejected_on_its_line(string field, string value)
    {
        var golden = Golden($$"""{ "{{field}}": {{value}} }""");

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.StartsWith($"error: {Path.Combine(golden, "gate.json")}:4: field 'llm.{field}': must be ", outcome.Error);
    }
}
