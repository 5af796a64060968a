using RegressionGate.Gate;
using RegressionGate.Reports;

namespace RegressionGate.Golden.Tests;

/// <summary>
/// The gate itself. Each golden question is a row of each theory, so `dotnet test` names exactly which question's
/// retrieval or judgment regressed, with the reason as the failure message.
/// </summary>
public sealed class GateTheories(GateFixture gate) : IClassFixture<GateFixture>
{
    [Theory]
    [MemberData(nameof(GoldenQuestions.Ids), MemberType = typeof(GoldenQuestions))]
    public void Retrieval(string questionId)
    {
        var question = gate.Result.For(questionId);
        Assert.True(question.Retrieval.Passed, TextReport.Question(gate.Result, question, QuestionCheck.Retrieval));
    }

    [Theory]
    [MemberData(nameof(GoldenQuestions.AnsweredIds), MemberType = typeof(GoldenQuestions))]
    public void Judgment(string questionId)
    {
        var question = gate.Result.For(questionId);
        Assert.NotNull(question.Judgment);
        Assert.True(question.Judgment.Passed, TextReport.Question(gate.Result, question, QuestionCheck.Judgment));
    }

    [Fact]
    public void Aggregates()
    {
        // Fails with the whole review in the first screen: verdict, aggregates, causes, then the questions.
        Assert.True(gate.Result.SummaryVerdict.Passed, TextReport.Summary(gate.Result));
    }
}
