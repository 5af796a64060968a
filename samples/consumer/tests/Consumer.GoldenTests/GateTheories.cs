using RegressionGate.Xunit;
using Xunit;

namespace Consumer.GoldenTests;

public sealed class GateTheories(GoldenGate gate) : IClassFixture<GoldenGate>
{
    [Theory, GoldenQuestions]
    public void Retrieval(string questionId) => gate.AssertRetrieval(questionId);

    [Theory, GoldenAnswers]
    public void Judgment(string questionId) => gate.AssertJudgment(questionId);

    [Fact]
    public void Aggregates() => gate.AssertAggregates();
}
