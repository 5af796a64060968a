using System.Globalization;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Xunit;

namespace RegressionGate.Golden.Tests;

/// <summary>
/// The gate itself. Each golden question is a row of each theory, and each configured metric a row per question it
/// grades, so `dotnet test` names exactly which question's retrieval, answer or metric regressed
/// (<c>Judgment(metric: "groundedness", questionId: "105")</c>), with the reason as the failure message.
/// </summary>
public sealed class GateTheories(GoldenGate gate) : IClassFixture<GoldenGate>
{
    [Theory, GoldenQuestions]
    public void Retrieval(string questionId) => gate.AssertRetrieval(questionId);

    [Theory, GoldenProducedAnswers]
    public void Answer(string questionId) => gate.AssertAnswer(questionId);

    [Theory, GoldenMetrics]
    public void Judgment(string metric, string questionId) => gate.AssertMetric(metric, questionId);

    [Fact]
    public void Aggregates() => gate.AssertAggregates();

    /// <summary>The one real record: its replayed judgment still says what the seed says.</summary>
    [Fact]
    public void Question_105_reproduces_the_seeds_answer_relevance()
    {
        var question = gate.Result.For("105");
        var judgment = Assert.IsType<Judgment>(question.Judged);

        Assert.Equal((2, "0.67", Label.P), (judgment.Score, judgment.Normalised.ToString("0.00", CultureInfo.InvariantCulture), judgment.Label));
        Assert.Equal(Label.C, question.Question.Manual);
        Assert.EndsWith("Score: 2", judgment.Reasoning);
    }
}
