using System.Text.Json;
using RegressionGate.Reports;

namespace RegressionGate.Tests.Reports;

/// <summary>The triad in the Markdown and JSON reports: per question the metrics with changes in words, aggregates per metric.</summary>
public sealed class TriadReportTests
{
    const string GoldenDir = "/work/golden";

    [Fact]
    public void The_markdown_gives_each_questions_triad_and_what_changed_in_words()
    {
        var markdown = MarkdownReport.Render(Scenarios.TriadRun(GoldenDir));

        Assert.Contains("### Metrics per question\n\n| question | AR | CR@10 | G | changes |\n", markdown);
        Assert.Contains("| 105 | 1.00 | 0.30 | 0.67 | CR 0.47 → 0.30; G 1.00 → 0.67; unsupported (0.33): «A camada de pooling dobra o número de filtros da rede.» |", markdown);
        Assert.Contains("| 202 | 1.00 | 0.30 | failed | G judge failed (UnreadableScore) |", markdown);
        Assert.Contains("| 204 | — | 0.30 | — | — |", markdown);
        Assert.Contains("answers `generate`", markdown);
        Assert.Contains("metrics AR, CR, G", markdown);
    }

    [Fact]
    public void A_segment_metric_is_named_at_k_in_every_report_and_an_answer_metric_is_not()
    {
        var result = Scenarios.TriadRun(GoldenDir);

        Assert.Contains("<th>AR</th><th>CR@10</th><th>G</th>", HtmlReport.Render(result));
        var charts = ChartData.For(result, q => q.Question.Id);
        Assert.Equal(["answer relevance", "context relevance@10", "groundedness"],
            charts["metricDistributions"]!.AsArray().Select(m => (string?)m!["name"]));
        Assert.Equal(["mean answer relevance", "mean context relevance@10", "mean groundedness"],
            AggregateRow.From(result).Where(r => result.MetricJudges.Any(j => j.Metric.Name == r.Key)).Select(r => r.Name));
    }

    [Fact]
    public void Failing_metric_and_answer_checks_are_listed_under_their_question_with_the_raw_output_folded()
    {
        var markdown = MarkdownReport.Render(Scenarios.TriadRun(GoldenDir));

        Assert.Contains("  - context-relevance: CR 0.47 → 0.30 (tolerance 0)\n", markdown);
        Assert.Contains("  - groundedness: question 202: statement s1 «O pooling reduz a resolução espacial dos mapas de características.»: the judge's score 'high' is not a number\n", markdown);
        Assert.Contains("Score: high", markdown);
        Assert.Contains("  - answer: question 203: generated answer (the question or its top 10 changed since the answer was recorded): no recording for this request\n", markdown);
        Assert.Contains("  - answer: answer changed\n", markdown);
    }

    [Fact]
    public void The_aggregates_hold_each_metrics_mean_with_interval_tolerance_and_floor()
    {
        var result = Scenarios.TriadRun(GoldenDir);
        var rows = AggregateRow.From(result);

        var context = Assert.Single(rows, r => r.Key == "context-relevance");
        Assert.Equal(("mean context relevance@10", 0.3), (context.Name, context.Current!.Value));
        Assert.NotNull(context.Interval);
        Assert.Equal((0.05, 0.0), (context.Tolerance, context.Floor));
        Assert.Contains("| mean groundedness | 0.8333 | 0.8333 | 0 |", MarkdownReport.Render(result));
    }

    [Fact]
    public void The_json_holds_every_metric_per_question_with_its_parts_and_the_produced_answer()
    {
        using var json = JsonDocument.Parse(JsonReport.Render(Scenarios.TriadRun(GoldenDir)));
        var root = json.RootElement;

        Assert.Equal(["answer-relevance", "context-relevance", "groundedness"], root.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("generate", root.GetProperty("answers").GetProperty("kind").GetString());
        var question = root.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "105");
        var grounded = question.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "groundedness");
        Assert.Equal("G 1.00 → 0.67", grounded.GetProperty("change").GetString());
        var unsupported = grounded.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("flagged").GetBoolean());
        Assert.Equal(Scenarios.UnsupportedStatement, unsupported.GetProperty("text").GetString());
        Assert.Equal(["s1", "s2"], question.GetProperty("answerUnderTest").GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, root.GetProperty("counts").GetProperty("answerFailures").GetInt32());
    }
}
