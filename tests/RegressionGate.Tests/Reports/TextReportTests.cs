using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Reports;
using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Reports;

public sealed class TextReportTests
{
    const string GoldenDir = "/work/golden";

    [Fact]
    public void A_retriever_change_on_56_questions_is_one_cause_line_and_no_question_lines()
    {
        var bm25 = new RetrieverIdentity([new("kind", "bm25"), new("k", "10")]);
        var builder = new GateResultBuilder(GoldenDir);
        for (var i = 0; i < 56; i++)
            builder.Question($"{200 + i}", q =>
            {
                q.BaselineRetriever = bm25;
                q.RetrievalFailures.Add("retriever changed: kind 'bm25' → 'dense' (1 other setting differs)");
            });

        var text = TextReport.Summary(builder.Build());

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.StartsWith("gate FAILED: 56 questions · retrieval 0/56 ok", lines[0]);
        Assert.StartsWith("aggregates", lines[1]);
        Assert.StartsWith("  recall@10", lines[2]);
        Assert.Equal("causes:", lines[^2]);
        Assert.Equal("  retriever changed (bm25 → dense): 56 questions (retrieval): 200, 201, 202, 203, 204, 205, 206, 207, …", lines[^1]);
        Assert.DoesNotContain("failing questions:", text);
        Assert.True(lines.Length <= 12, text);
    }

    [Fact]
    public void Questions_beyond_the_first_ten_are_counted_and_left_to_the_report()
    {
        var builder = new GateResultBuilder(GoldenDir);
        for (var i = 0; i < 14; i++)
            builder.Question($"q{i}", q =>
            {
                q.Ranking = GateResultBuilder.Ranking("s2", "s1", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");
                q.RetrievalFailures.Add("rank-biased overlap 0.8 is below the minimum 0.9 (p = 0.9)");
                q.RetrievalFailures.Add("segment s1 fell from rank 1 to 2");
            });

        var text = TextReport.Summary(builder.Build(), "out/gate-report.md");

        Assert.Contains("failing questions:\n  q0 retrieval: rank-biased overlap 0.8 is below the minimum 0.9 (p = 0.9); segment s1 fell from rank 1 to 2\n", text);
        Assert.Contains("  q9 retrieval:", text);
        Assert.DoesNotContain("  q10 retrieval:", text);
        Assert.EndsWith("  … 4 more in out/gate-report.md\n", text);
    }

    [Fact]
    public void A_question_failing_several_checks_is_one_console_line_naming_the_others()
    {
        var result = Scenarios.EditedSegmentFailsContextRelevance(GoldenDir);

        var text = TextReport.Summary(result, "out/gate-report.md");

        Assert.Contains("  segment s2 text changed: 1 question (retrieval, metrics): 105\n", text);
        Assert.Contains("failing questions:\n  105 retrieval: rank-biased overlap 0.8 is below the minimum 0.9 (also failing: context-relevance)\n", text);
        Assert.DoesNotContain("  105 context-relevance:", text);
    }

    [Fact]
    public void Questions_told_by_a_set_wide_cause_and_a_shared_missing_recording_are_left_to_the_cause_lines()
    {
        var builder = new GateResultBuilder(GoldenDir).WithTriad();
        foreach (var id in new[] { "201", "202" })
            builder.Question(id, q =>
            {
                q.BaselineRetriever = new([new("kind", "bm25"), new("analyzer", "brazilian"), new("k", "10")]);
                q.RetrievalFailures.Add("retriever changed: kind 'bm25' → 'dense'");
                q.GroundednessFailure = new JudgeFailure(JudgeFailureKind.MissingRecording, "no recording for this request");
            });

        var text = TextReport.Summary(builder.Build(), "out/gate-report.md");

        Assert.Contains("no recording of a groundedness request (replay): record it with --llm record: 2 questions (metrics): 201, 202", text);
        Assert.DoesNotContain("failing questions:", text);
    }

    [Fact]
    public void A_failing_theory_row_names_its_cause_its_reasons_and_shows_both_rankings()
    {
        var result = Scenarios.FailingRun(GoldenDir);

        var message = TextReport.Question(result, result.For("105"), QuestionCheck.Retrieval);

        var lines = message.Split('\n');
        Assert.Equal("question 105 «Qual é o objetivo da camada de pooling em uma rede neural?»", lines[0]);
        Assert.StartsWith("cause: ranking moved with the same retriever", lines[1]);
        Assert.Equal("rank-biased overlap 0.7000 is below the minimum 0.9 (p = 0.9)", lines[2]);
        Assert.Contains("  rank  verified", message);
        Assert.Contains("     2  s2  ★ 0.8400 left  s1  ★ 0.8400", message);
        Assert.Contains("     3  s3    0.8300       s11   0.8300 new", message);
    }
}
