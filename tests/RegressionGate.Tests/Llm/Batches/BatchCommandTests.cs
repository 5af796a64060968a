using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Llm.Batches;

/// <summary><c>run --batch</c> at the command line: what it prints, and its exit codes.</summary>
public sealed class BatchCommandTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    Dictionary<string, string> Environment(Uri endpoint)
    {
        var variables = TestEnvironments.Azure(endpoint).ToDictionary(p => p.Key, p => p.Value!);
        variables["REGRESSIONGATE_CACHE"] = temp.Combine("cache");
        variables["REGRESSIONGATE_AUTO_APPROVE"] = "1";
        return variables;
    }

    [Fact]
    public async Task Run_record_batch_says_what_it_submitted_and_collected_and_passes()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(_ => new LineReply.Answer("Criteria: c\nScore: 3"));

        var run = await CliRun.RunAsync(Environment(server.BaseAddress), "run", "--golden", golden, "--out", temp.Combine("out"), "--llm", "record", "--batch");

        Assert.True(run.ExitCode == 0, run.ToString());
        var batch = Assert.Single(server.Batches).Id;
        Assert.Contains($"submitted batch {batch}: 3 requests to Azure OpenAI at {server.BaseAddress} (deployment '{TestEnvironments.Deployment}')", run.Error);
        Assert.Contains($"batch {batch} completed: 3 requests came back", run.Error);
        Assert.StartsWith("gate passed: 3 questions", run.Out, StringComparison.Ordinal);
        Assert.Contains("judgments 3/3 ok", run.Out);
        // The console leads with aggregates and causes; how the judge was reached is in the report.
        Assert.Contains("\"llmMode\": \"record\"", File.ReadAllText(temp.Combine("out", "gate-report.json")));
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("live")]
    public async Task Batch_outside_record_and_refresh_is_a_usage_error_before_anything_is_sent(string mode)
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(_ => new LineReply.Answer("Score: 3"));

        var run = await CliRun.RunAsync(Environment(server.BaseAddress), "run", "--golden", golden, "--out", temp.Combine("out"), "--llm", mode, "--batch");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --batch records through the Batch API, so it needs --llm record or --llm refresh; this run's mode is {mode}\n", run.Error);
        Assert.Empty(server.Requests);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task A_batch_the_service_refuses_is_one_error_line_and_exit_2()
    {
        var golden = BatchGolden.Write(temp);
        await using var server = await LoopbackBatchServer.StartAsync(_ => new LineReply.Answer("Score: 3"));
        server.ExpectedModel = "another-deployment";

        var run = await CliRun.RunAsync(Environment(server.BaseAddress), "run", "--golden", golden, "--out", temp.Combine("out"), "--llm", "record", "--batch");

        Assert.Equal(2, run.ExitCode);
        var error = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.StartsWith($"error: batch {server.Batches[0].Id} failed validation", error, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEnvironments.ApiKey, run.Error);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }
}
