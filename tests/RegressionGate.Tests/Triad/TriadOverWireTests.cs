using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RegressionGate.Answers;
using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Reports;
using RegressionGate.Tests.Llm;

namespace RegressionGate.Tests.Triad;

/// <summary>The whole triad through a real loopback Azure OpenAI endpoint: what reaches the model, failures, record then replay.</summary>
public sealed partial class TriadOverWireTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static GateRunOptions Options(RecordingMode mode, LoopbackOpenAIServer? server) => new()
    {
        LlmMode = mode,
        Environment = EnvironmentVariables.From(server is null
            ? new Dictionary<string, string>()
            : TestEnvironments.Azure(server.BaseAddress).ToDictionary(p => p.Key, p => p.Value!)),
        Warning = _ => { },
    };

    [Fact]
    public async Task Each_metric_reaches_the_model_with_its_own_rubric_and_the_question_answer_segment_or_statement_it_grades()
    {
        var golden = TriadGolden.Write(temp, answers: """{ "source": "generate" }""");
        var input = GateInput.Load(golden);
        await using var server = await LoopbackOpenAIServer.StartAsync(r => LoopbackJudge.Answer(r));

        var evaluation = await GateRunner.EvaluateAsync(input, Options(RecordingMode.Record, server));

        var byKind = server.Requests.GroupBy(LoopbackJudge.Kind).ToDictionary(g => g.Key, g => g.ToList());
        var questions = input.Golden.Questions;
        Assert.Equal(questions.Count, byKind["answer"].Count);
        Assert.Equal(questions.Count, byKind[AnswerRelevanceMetric.MetricName].Count);
        Assert.Equal(questions.Sum(q => evaluation.Rankings[q.Id].Count), byKind[ContextRelevanceMetric.MetricName].Count);
        // Each generated answer has two statements once its citations are taken out.
        Assert.Equal(2 * questions.Count, byKind[GroundednessMetric.MetricName].Count);

        var question = questions.Single(q => q.Id == "105");
        var top = input.Golden.FindSegment(evaluation.Rankings["105"][0].Id)!;
        Assert.Contains(byKind[ContextRelevanceMetric.MetricName], r => r.Message("user") == $"QUESTION:\n{question.Text}\n\nSEGMENT:\n{top.Text}");
        Assert.Contains(byKind[AnswerRelevanceMetric.MetricName], r => r.Message("user") == $"PROMPT:\n{question.Text}\n\nRESPONSE:\n{LoopbackJudge.GeneratedAnswer}");
        // A statement goes with the answer's context, and without the citation that pointed into it.
        var context = evaluation.Rankings["105"].Select(r => input.Golden.FindSegment(r.Id)!).ToList();
        Assert.Contains(byKind[GroundednessMetric.MetricName], r =>
            r.Message("user") == GroundednessPrompt.User(context, "O pooling reduz a resolução espacial dos mapas."));
        Assert.StartsWith("Pergunta: " + question.Text, byKind["answer"].Single(r => r.Message("user").Contains(question.Text, StringComparison.Ordinal)).Message("user"));
        // Every request asks for temperature 0, and the gate's own tags never reach the model.
        Assert.All(server.Requests, r =>
        {
            Assert.Equal(0, r.Json.GetProperty("temperature").GetDouble());
            Assert.DoesNotContain("regression-gate", r.Body);
        });

        var generated = Assert.IsType<AnswerUnderTest>(evaluation.Answers["105"]);
        Assert.Equal(LoopbackJudge.GeneratedAnswer, generated.Text);
        Assert.Equal(evaluation.Rankings["105"].Take(2).Select(r => r.Id), generated.References.Select(s => s.Id));
    }

    [Fact]
    public async Task A_malformed_score_from_a_metric_judge_is_a_failure_quoting_the_raw_text_never_a_zero()
    {
        const string raw = "Criteria: support.\nSupporting Evidence: the sources say so.\nScore: high";
        var golden = TriadGolden.Write(temp);
        await using var server = await LoopbackOpenAIServer.StartAsync(r => LoopbackJudge.Answer(r, groundedness: raw));

        var result = await GateRunner.RunAsync(GateInput.Load(golden), Options(RecordingMode.Record, server));

        var check = result.For("105").Metric(GroundednessMetric.MetricName)!;
        var failure = Assert.IsType<JudgeFailure>(check.Outcome);
        Assert.Equal(JudgeFailureKind.UnreadableScore, failure.Kind);
        Assert.Equal(raw, failure.RawOutput);
        Assert.StartsWith("statement s1 «", failure.Message);
        Assert.Null(check.Score);
        Assert.False(check.Passed);
        Assert.Contains(raw, check.Verdict!.ToString());
        // No groundedness was measured, so there is no mean to hold: nothing counts as 0.
        Assert.Null(result.Summary.Metric(GroundednessMetric.MetricName));
        Assert.NotNull(result.Summary.Metric(ContextRelevanceMetric.MetricName));
    }

    [Fact]
    public async Task Recording_then_replaying_with_the_server_stopped_gives_identical_reports()
    {
        var golden = TriadGolden.Write(temp, answers: """{ "source": "generate" }""");
        string recordedJson, recordedMarkdown;
        await using (var server = await LoopbackOpenAIServer.StartAsync(r => LoopbackJudge.Answer(r)))
        {
            var recorded = await GateRunner.RunAsync(GateInput.Load(golden), Options(RecordingMode.Record, server));
            GateReports.Write(recorded, temp.Combine("recorded"));
            recordedJson = JsonReport.Render(recorded);
            recordedMarkdown = MarkdownReport.Render(recorded);
            Assert.True(server.Count > 0);
            await server.StopAsync();
        }

        var replayed = await GateRunner.RunAsync(GateInput.Load(golden), Options(RecordingMode.Replay, null));

        Assert.Equal(Comparable(recordedJson), Comparable(JsonReport.Render(replayed)));
        Assert.Equal(Comparable(recordedMarkdown), Comparable(MarkdownReport.Render(replayed)));
        // The reports are about something: every metric graded every question it could, nothing failed to replay.
        Assert.All(replayed.Questions, q => Assert.All(q.Metrics, m => Assert.IsNotType<JudgeFailure>(m.Outcome)));
        Assert.Equal(3, replayed.MetricJudges.Count);
    }

    /// <summary>A report with what may differ between two runs taken out: the time taken, and the LLM mode's name.</summary>
    static string Comparable(string report)
    {
        var text = Seconds().Replace(report, "(time)");
        text = text.Replace("record", "MODE", StringComparison.Ordinal).Replace("replay", "MODE", StringComparison.Ordinal);
        if (text.TrimStart().StartsWith('{'))
        {
            var json = JsonNode.Parse(text)!.AsObject();
            json.Remove("elapsedSeconds");
            return json.ToJsonString();
        }
        return text;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)? s\b")]
    private static partial Regex Seconds();
}
