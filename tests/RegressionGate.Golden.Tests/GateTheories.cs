using RegressionGate.Xunit;

namespace RegressionGate.Golden.Tests;

/// <summary>
/// The gate itself. Each golden question is a row of each theory, so `dotnet test` names exactly which question's
/// retrieval or judgment regressed, with the reason as the failure message.
/// </summary>
public sealed class GateTheories(GoldenGate gate) : IClassFixture<GoldenGate>
{
    [Theory, GoldenQuestions]
    public void Retrieval(string questionId) => gate.AssertRetrieval(questionId);

    [Theory, GoldenAnswers]
    public void Judgment(string questionId) => gate.AssertJudgment(questionId);

    [Fact]
    public void Aggregates() => gate.AssertAggregates();
}
