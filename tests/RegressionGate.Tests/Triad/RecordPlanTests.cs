using System.Text.Json;
using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Tests.Cli;
using RegressionGate.Tests.Llm;

namespace RegressionGate.Tests.Triad;

/// <summary>
/// <c>run --llm record --dry-run</c>: what recording would call, per metric and for the answers, with token estimates,
/// before anything is called or written; and what a generated answer does when the retrieval under it changes.
/// </summary>
public sealed class RecordPlanTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static IReadOnlyDictionary<string, string> Azure(LoopbackOpenAIServer server) =>
        TestEnvironments.AzureVariables(server.BaseAddress);

    static RecordPlanRow Row(RecordPlan plan, string what) => plan.Rows.Single(r => r.What == what);

    [Fact]
    public async Task A_dry_run_counts_every_call_of_each_metric_and_of_the_answers_and_calls_and_writes_nothing()
    {
        var golden = TriadGolden.Write(temp, answers: """{ "source": "generate" }""");
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync(new Dictionary<string, string>(), "run", "--golden", golden, "--llm", "record", "--dry-run");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(Path.Combine(golden, "recordings")));
        Assert.Contains("a record run would call the model for each request without a recording; nothing was called or written", outcome.Out);
        // 3 questions: an answer each, its relevance, 5 segments each, and 3 statements each in the answer still to generate.
        Assert.Matches(@"generate answers\s+3\s+0\s+3\s", outcome.Out);
        Assert.Matches(@"answer-relevance\s+3\s+0\s+3\s", outcome.Out);
        Assert.Matches(@"context-relevance\s+15\s+0\s+15\s", outcome.Out);
        Assert.Matches(@"groundedness\s+9\s+0\s+9\s", outcome.Out);
        Assert.Matches(@"total\s+30\s+0\s+30\s", outcome.Out);
        Assert.Contains("Tokens are estimates: 4 characters a token in, 200 out per call.", outcome.Out);
    }

    [Fact]
    public async Task After_a_record_run_the_plan_counts_only_the_requests_whose_recording_is_missing_and_a_refresh_counts_them_all()
    {
        var golden = TriadGolden.Write(temp, answers: """{ "source": "generate" }""");
        await using (var server = await LoopbackOpenAIServer.StartAsync(r => LoopbackJudge.Answer(r)))
        {
            await GateRunner.EvaluateAsync(GateInput.Load(golden), new GateRunOptions
            {
                LlmMode = RecordingMode.Record, Environment = EnvironmentVariables.From(Azure(server)), Warning = _ => { },
            });
        }
        // Lose the context-relevance recordings of one question, as if the run had been interrupted before them.
        var lost = Directory.GetFiles(Path.Combine(golden, "recordings")).Where(file =>
        {
            var request = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("request");
            return request.GetProperty("promptVersion").GetString() == ContextRelevancePrompt.Version
                && request.GetRawText().Contains("O que o algoritmo k-means faz?", StringComparison.Ordinal);
        }).ToList();
        Assert.Equal(5, lost.Count);
        lost.ForEach(File.Delete);
        var input = GateInput.Load(golden);

        var plan = await GateRunner.PlanAsync(input, new GateRunOptions { LlmMode = RecordingMode.Record, Environment = EnvironmentVariables.From(new Dictionary<string, string>()) });
        var refresh = await GateRunner.PlanAsync(input, new GateRunOptions { LlmMode = RecordingMode.Refresh, Environment = EnvironmentVariables.From(new Dictionary<string, string>()) });

        Assert.Equal((15, 10, 5), (Row(plan, "context-relevance").Requests, Row(plan, "context-relevance").Recorded, Row(plan, "context-relevance").Calls));
        Assert.Equal(0, Row(plan, "generate answers").Calls);
        // Recorded answers replay, so groundedness grades their real statements: two each.
        Assert.Equal((6, 0), (Row(plan, "groundedness").Requests, Row(plan, "groundedness").Calls));
        Assert.Equal(5, plan.Total.Calls);
        Assert.True(Row(plan, "context-relevance").InputTokens > 5 * 300, "five prompts of a rubric and a transcript segment each are hundreds of tokens");
        Assert.Equal(5 * 200, Row(plan, "context-relevance").OutputTokens);
        // A refresh calls for every request, recorded or not (and regenerates the answers, so their statements are planned).
        Assert.All(refresh.Rows, row => Assert.Equal(row.Requests, row.Calls));
        Assert.Equal(15, Row(refresh, "context-relevance").Calls);
    }

    [Fact]
    public async Task A_retrieval_change_that_changes_the_context_misses_the_generated_answer_and_names_the_command_that_records_it()
    {
        var golden = TriadGolden.Write(temp, answers: """{ "source": "generate" }""");
        await using (var server = await LoopbackOpenAIServer.StartAsync(r => LoopbackJudge.Answer(r)))
        {
            await GateRunner.EvaluateAsync(GateInput.Load(golden), new GateRunOptions
            {
                LlmMode = RecordingMode.Record, Environment = EnvironmentVariables.From(Azure(server)), Warning = _ => { },
            });
        }
        var settings = Path.Combine(golden, "gate.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"k\": 5", "\"k\": 4", StringComparison.Ordinal));

        var evaluation = await GateRunner.EvaluateAsync(GateInput.Load(golden), new GateRunOptions { Environment = EnvironmentVariables.From(new Dictionary<string, string>()) });

        var failure = Assert.IsType<RegressionGate.Answers.AnswerFailure>(evaluation.Answers["105"]);
        Assert.StartsWith("generated answer (the question or its top 4 changed since the answer was recorded): no recording for this request", failure.Message);
        Assert.Contains(RegressionGate.Environments.ToolCommand.Current.With($"run --golden {RegressionGate.Environments.ToolCommand.Argument(golden)} --llm record"), failure.Message);
        // Context relevance is keyed by question and segment text, so the four segments still ranked replay.
        Assert.All(evaluation.Metrics.Values, metrics => Assert.IsType<MetricJudgment>(metrics.Single(m => m.Metric.Name == ContextRelevanceMetric.MetricName).Outcome));
    }
}
