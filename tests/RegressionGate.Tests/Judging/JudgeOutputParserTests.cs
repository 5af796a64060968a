using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Tests.Judging;

public sealed class JudgeOutputParserTests
{
    /// <summary>The "Raciocínio (AR CoT)" of seed/000_2d96afdaa130e795.txt, verbatim (AR 0.67, automated P).</summary>
    const string SeedReasoning =
        "Criteria: The RESPONSE must be relevant to the entire PROMPT to receive a maximum score of 3. It should address the objective of the pooling layer in a neural network comprehensively. " +
        "Supporting Evidence: The RESPONSE discusses the objectives of Max pooling and Global Average pooling, which are both types of pooling layers in neural networks. It explains how Max pooling reduces image resolution and how Global Average pooling reduces the dimensionality of the output. However, it does not explicitly state the overall objective of pooling layers in general, which is to reduce dimensionality while retaining important features. Therefore, while the RESPONSE provides relevant information about specific types of pooling, it does not fully address the broader objective of pooling layers as requested in the PROMPT.  " +
        "Score: 2";

    [Fact]
    public void Seed_reasoning_parses_to_2_which_is_0_67_and_partial()
    {
        var reading = JudgeOutputParser.Parse(SeedReasoning);

        Assert.Equal(2, reading.Score);
        var normalised = reading.Score!.Value / (double)AnswerRelevancePrompt.MaxScore;
        Assert.Equal(0.67, Math.Round(normalised, 2));
        Assert.Equal(Label.P, new LabelThresholds().LabelFor(normalised));
    }

    [Theory]
    [InlineData("Criteria: x\nSupporting Evidence: y\nScore: 2", 2)]
    [InlineData("Score: 3", 3)]
    [InlineData("Score: 0", 0)]
    [InlineData("score:1", 1)]
    [InlineData("SCORE = 1", 1)]
    [InlineData("Score - 2", 2)]
    [InlineData("**Score:** 2", 2)]
    [InlineData("**Score**: 1", 1)]
    [InlineData("**Score: 3**", 3)]
    [InlineData("Score: **2**", 2)]
    [InlineData("__Score__: 2", 2)]
    [InlineData("### Score\n2", 2)]
    [InlineData("## Score:\n\n**3**", 3)]
    [InlineData("- **Score**: 1", 1)]
    [InlineData("Criteria: a\r\nSupporting Evidence: b\r\nScore: 1\r\n", 1)]
    [InlineData("Score: 2\n\nOverall the response is mostly relevant but incomplete.", 2)]
    [InlineData("Score: 2. The response misses the general purpose.", 2)]
    [InlineData("Pontuação: 2", 2)]
    [InlineData("**Pontuação final:** 3", 3)]
    [InlineData("pontuacao: 0", 0)]
    [InlineData("Score: 2/3", 2)]
    [InlineData("Score: 3 / 3", 3)]
    [InlineData("Pontuação: 1 de 3", 1)]
    [InlineData("Score: 2.0", 2)]
    [InlineData("Final Score: 1", 1)]
    [InlineData("Criteria: a maximum score of 3 needs every part. Score 3 is rare.\nSupporting Evidence: partial.\nScore: 1", 1)]
    [InlineData("Score: 1\nOn reflection the response covers more.\nScore: 2", 2)]
    public void Reads_the_score_whatever_the_form(string output, int expected) =>
        Assert.Equal(expected, JudgeOutputParser.Parse(output).Score);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n", "empty")]
    [InlineData("The response is relevant to the prompt.", "no 'Score: N'")]
    [InlineData("Criteria: a response needs a score of 3 to be complete.", "no 'Score: N'")]
    [InlineData("Score: N/A", "no 'Score: N'")]
    [InlineData("Score: two", "no 'Score: N'")]
    [InlineData("Score: 4", "outside 0–3")]
    [InlineData("Score: -1", "outside 0–3")]
    [InlineData("Score: 10", "outside 0–3")]
    [InlineData("Score: 2.5", "not a whole number")]
    [InlineData("Score: 8/10", "scale other than 0–3")]
    public void Missing_or_invalid_score_is_a_failure_never_a_zero(string output, string problem)
    {
        var reading = JudgeOutputParser.Parse(output);

        Assert.False(reading.Succeeded);
        Assert.Null(reading.Score);
        Assert.Contains(problem, reading.Problem);
    }
}
