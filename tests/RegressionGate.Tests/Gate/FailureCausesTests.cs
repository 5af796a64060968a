using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Tests.Reports;

namespace RegressionGate.Tests.Gate;

public sealed class FailureCausesTests
{
    const string GoldenDir = "/work/golden";

    static readonly RetrieverIdentity Bm25 = new([new("kind", "bm25"), new("analyzer", "brazilian"), new("k", "10")]);

    [Fact]
    public void A_retriever_change_on_every_question_is_one_cause_naming_the_old_and_new_kind()
    {
        var builder = new GateResultBuilder(GoldenDir);
        for (var i = 0; i < 56; i++)
            builder.Question($"q{i}", q =>
            {
                q.BaselineRetriever = Bm25;
                q.RetrievalFailures.Add("retriever changed: kind 'bm25' → 'dense'");
            });

        var cause = Assert.Single(builder.Build().Causes);

        Assert.Equal(CauseKind.RetrieverChanged, cause.Kind);
        Assert.Equal("retriever changed (bm25 → dense)", cause.Description);
        Assert.Equal(56, cause.QuestionIds.Count);
        Assert.All(cause.Failures, f => Assert.Equal(QuestionCheck.Retrieval, f.Check));
        Assert.True(cause.SetWide);
    }

    [Fact]
    public void An_edited_segment_is_the_cause_of_exactly_the_questions_whose_rankings_hold_it()
    {
        var moved = GateResultBuilder.Ranking("s1", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11");
        var result = new GateResultBuilder(GoldenDir)
            .EditSegment("s2", "receita de bolo de cenoura")
            .Question("105", q => { q.Ranking = moved; q.RetrievalFailures.Add("rank-biased overlap 0.8 is below the minimum 0.9"); })
            .Question("106", q =>
            {
                q.BaselineRanking = GateResultBuilder.Ranking("s20", "s2", "s21");
                q.Ranking = GateResultBuilder.Ranking("s20", "s21", "s22");
                q.RetrievalFailures.Add("rank-biased overlap 0.7 is below the minimum 0.9");
            })
            .Question("107", q =>
            {
                q.BaselineRanking = GateResultBuilder.Ranking("s30", "s31", "s32");
                q.Ranking = GateResultBuilder.Ranking("s31", "s30", "s32");
                q.RetrievalFailures.Add("rank-biased overlap 0.6 is below the minimum 0.9");
            })
            .Question("108")
            .Build();

        Assert.Equal(2, result.Causes.Count);
        var edited = result.Causes[0];
        Assert.Equal((CauseKind.SegmentChanged, "segment s2 text changed"), (edited.Kind, edited.Description));
        Assert.Equal(["105", "106"], edited.QuestionIds);
        var unexplained = result.Causes[1];
        Assert.Equal(CauseKind.Unexplained, unexplained.Kind);
        Assert.Equal(["107"], unexplained.QuestionIds);
    }

    [Fact]
    public void Many_edited_segments_are_one_cause_counting_them()
    {
        var builder = new GateResultBuilder(GoldenDir);
        for (var i = 1; i <= 8; i++)
        {
            builder.EditSegment($"s{i}", $"texto novo {i}");
            var id = $"q{i}";
            builder.Question(id, q =>
            {
                q.BaselineRanking = GateResultBuilder.Ranking($"s{q.Id[1..]}", "s30");
                q.Ranking = GateResultBuilder.Ranking("s30", $"s{q.Id[1..]}");
                q.RetrievalFailures.Add("rank-biased overlap 0.5 is below the minimum 0.9");
            });
        }

        var cause = Assert.Single(builder.Build().Causes);

        Assert.Equal("text of 8 segments changed (s1, s2, s3, s4, s5, …)", cause.Description);
        Assert.Equal(8, cause.QuestionIds.Count);
    }

    [Fact]
    public void A_judge_change_an_edited_answer_and_a_missing_recording_are_told_apart()
    {
        var otherJudge = new JudgeIdentity([new("kind", "answer-relevance"), new("model", "gpt-4o"), new("promptVersion", "ar-v1")]);
        var result = new GateResultBuilder(GoldenDir)
            .Question("201", q => { q.Judge(2).WasJudged(3, "Score: 3", judge: otherJudge); q.JudgmentFailures.Add("AR 1.00 → 0.67"); })
            .Question("202", q => { q.Judge(2).WasJudged(3, "Score: 3", answer: "uma resposta anterior"); q.JudgmentFailures.Add("AR 1.00 → 0.67"); })
            .Question("203", q => q.Judged = new JudgeFailure(JudgeFailureKind.MissingRecording, "no recording for this request"))
            .Build();

        Assert.Equal(
        [
            (CauseKind.JudgeChanged, "judge changed (model 'gpt-4o' → 'gpt-4o-mini')", "201"),
            (CauseKind.AnswerChanged, "answer text changed", "202"),
            (CauseKind.JudgeFailed, "no recording of the judge's request (replay): record it with --llm record", "203"),
        ], result.Causes.Select(c => (c.Kind, c.Description, Assert.Single(c.QuestionIds))));
        Assert.All(result.Causes, c => Assert.Equal(QuestionCheck.Judgment, Assert.Single(c.Failures).Check));
    }

    [Fact]
    public void A_question_without_a_verified_ranking_and_an_edited_question_text_are_causes_of_their_own()
    {
        var result = new GateResultBuilder(GoldenDir)
            .Question("301", q => { q.BaselineRanking = null; q.RetrievalFailures.Add("no verified snapshot"); })
            .Question("302", q => { q.BaselineText = "Para que serve o pooling?"; q.RetrievalFailures.Add("question text changed"); })
            .Build();

        Assert.Equal(
        [
            (CauseKind.QuestionChanged, "302"),
            (CauseKind.NoBaseline, "301"),
        ], result.Causes.Select(c => (c.Kind, Assert.Single(c.QuestionIds))).OrderBy(c => c.Kind));
    }

    [Fact]
    public void An_edited_segment_is_also_the_cause_of_the_context_relevance_failure_of_a_question_that_ranked_it()
    {
        var result = Scenarios.EditedSegmentFailsContextRelevance(GoldenDir);

        var cause = Assert.Single(result.Causes);
        Assert.Equal("segment s2 text changed", cause.Description);
        Assert.Equal([new CausedFailure("105", QuestionCheck.Retrieval), new CausedFailure("105", QuestionCheck.Metric)], cause.Failures);
    }

    [Fact]
    public void A_missing_metric_recording_is_one_cause_for_every_question_it_leaves_ungraded()
    {
        var builder = new GateResultBuilder(GoldenDir).WithTriad();
        foreach (var id in new[] { "201", "202", "203" })
            builder.Question(id, q => q.GroundednessFailure = new JudgeFailure(JudgeFailureKind.MissingRecording, "no recording for this request"));

        var cause = Assert.Single(builder.Build().Causes);

        Assert.Equal((CauseKind.JudgeFailed, "no recording of a groundedness request (replay): record it with --llm record"), (cause.Kind, cause.Description));
        Assert.Equal(["201", "202", "203"], cause.QuestionIds);
        Assert.All(cause.Failures, f => Assert.Equal(QuestionCheck.Metric, f.Check));
    }

    [Fact]
    public void A_metric_that_moved_with_nothing_upstream_changed_is_unexplained_and_says_which_metric()
    {
        var result = new GateResultBuilder(GoldenDir).WithTriad()
            .Question("105", q => { q.ContextBaseline = 0.5; q.ContextFailures.Add("mean context relevance 0.5000 → 0.3000"); })
            .Build();

        var cause = Assert.Single(result.Causes);
        Assert.Equal((CauseKind.Unexplained, "context-relevance moved with the same ranking and answer (the model's nondeterminism?)"), (cause.Kind, cause.Description));
    }

    [Fact]
    public void Passing_questions_have_no_cause()
    {
        var result = new GateResultBuilder(GoldenDir).EditSegment("s2", "outro texto").Question("105").Build();

        Assert.Empty(result.Causes);
    }
}
