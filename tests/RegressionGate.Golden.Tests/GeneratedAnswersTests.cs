using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Xunit;

namespace RegressionGate.Golden.Tests;

/// <summary>
/// The sample set also holds generated answers (<c>snapshots/answers/</c>) and their recordings, so the gate with
/// <c>--answers generate</c> runs offline too: every answer replays, matches its snapshot, and the triad grades it.
/// </summary>
public sealed class GeneratedAnswersTests
{
    [Fact]
    public async Task The_gate_over_generated_answers_replays_every_answer_and_passes_offline()
    {
        var input = GateInput.Load(GoldenLocation.Directory);

        var result = await GateRunner.RunAsync(input, new GateRunOptions { Answers = AnswerSource.Generate });

        Assert.Equal("generate", result.AnswerSource.Kind);
        Assert.All(result.Questions, question =>
        {
            var answer = Assert.IsType<AnswerUnderTest>(question.Answer);
            Assert.True(question.AnswerCheck!.Passed, $"question {question.Question.Id}: {question.AnswerCheck}");
            Assert.All(answer.References, cited => Assert.Contains(cited, answer.Context));
        });
        Assert.True(result.Passed, string.Join("\n", result.Failing.SelectMany(q => q.Metrics.Where(m => !m.Passed).Select(m => $"{q.Question.Id} {m.Metric.Name}: {m.Verdict}"))
            .Append(result.SummaryVerdict.ToString())));
    }
}
