namespace RegressionGate.Golden.Tests;

/// <summary>
/// The gate itself. Each golden question is a row of each theory, and each configured metric a row per question it
/// grades, so `dotnet test` names exactly which question's retrieval, answer or metric regressed
/// (<c>Judgment(metric: "groundedness", questionId: "105")</c>), with the reason as the failure message.
/// </summary>
public sealed class GateTheories(GateFixture gate) : IClassFixture<GateFixture>
{
    [Theory]
    [MemberData(nameof(GoldenQuestions.Ids), MemberType = typeof(GoldenQuestions))]
    public void Retrieval(string questionId)
    {
        var question = gate.Result.For(questionId);
        Assert.True(question.Retrieval.Passed, $"question {questionId} «{question.Question.Text}»\n{question.Retrieval}");
    }

    [Theory]
    [MemberData(nameof(GoldenQuestions.ProducedAnswerIds), MemberType = typeof(GoldenQuestions))]
    public void Answer(string questionId)
    {
        if (questionId == GoldenQuestions.GoldenAnswers)
        {
            Assert.All(gate.Result.Questions, q => Assert.Null(q.AnswerCheck));
            return;
        }
        var question = gate.Result.For(questionId);
        Assert.NotNull(question.AnswerCheck);
        Assert.True(question.AnswerCheck.Passed, $"question {questionId} «{question.Question.Text}»\n{question.AnswerCheck}");
    }

    [Theory]
    [MemberData(nameof(GoldenQuestions.MetricRows), MemberType = typeof(GoldenQuestions))]
    public void Judgment(string metric, string questionId)
    {
        var question = gate.Result.For(questionId);
        var check = question.Metric(metric);
        Assert.True(check is not null, $"metric '{metric}' is not configured in judge.metrics");
        Assert.True(check.Verdict is not null, $"question {questionId}: {metric} graded nothing (no answer or no segments)");
        Assert.True(check.Verdict.Passed, $"question {questionId} «{question.Question.Text}», {metric}\n{check.Verdict}");
    }

    /// <summary>The one real record: its replayed judgment still says what the seed says.</summary>
    [Fact]
    public void Question_105_reproduces_the_seeds_answer_relevance()
    {
        var question = gate.Result.For("105");
        var judgment = Assert.IsType<RegressionGate.Judging.Judgment>(question.Judged);

        Assert.Equal((2, "0.67", RegressionGate.Golden.Label.P), (judgment.Score, judgment.Normalised.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), judgment.Label));
        Assert.Equal(RegressionGate.Golden.Label.C, question.Question.Manual);
        Assert.EndsWith("Score: 2", judgment.Reasoning);
    }

    [Fact]
    public void Aggregates()
    {
        var summary = gate.Result.SummaryVerdict;
        Assert.True(summary.Passed, summary.ToString());
    }
}
