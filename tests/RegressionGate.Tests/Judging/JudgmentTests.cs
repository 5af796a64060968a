using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Tests.Judging;

/// <summary>How repeats combine: the median decides, the spread is reported, label-straddling repeats are flaky.</summary>
public sealed class JudgmentTests
{
    static Judgment Of(params int[] scores) =>
        Judgment.FromRepeats(scores.Select((s, i) => (s, $"repeat {i + 1}: Score: {s}")).ToList(), new LabelThresholds(), 3);

    [Fact]
    public void Single_repeat_is_its_own_median_with_no_spread()
    {
        var judgment = Of(2);

        Assert.Equal([2], judgment.Scores);
        Assert.Equal(2, judgment.Score);
        Assert.Equal(2 / 3.0, judgment.Normalised, 12);
        Assert.Equal(Label.P, judgment.Label);
        Assert.Equal(0, judgment.Spread);
        Assert.False(judgment.Flaky);
        Assert.Equal("repeat 1: Score: 2", judgment.Reasoning);
    }

    [Fact]
    public void Median_decides_and_its_repeat_supplies_the_reasoning()
    {
        var judgment = Of(3, 1, 2);

        Assert.Equal([3, 1, 2], judgment.Scores);
        Assert.Equal(2, judgment.Score);
        Assert.Equal("repeat 3: Score: 2", judgment.Reasoning);
        Assert.Equal(2, judgment.Spread);
    }

    [Fact]
    public void Even_count_takes_the_lower_median_so_the_score_was_really_given()
    {
        var judgment = Of(3, 2);

        Assert.Equal(2, judgment.Score);
        Assert.Equal("repeat 2: Score: 2", judgment.Reasoning);
    }

    [Fact]
    public void Repeats_on_one_label_are_not_flaky_even_with_spread()
    {
        // 1/3 and 2/3 are both P under the default thresholds.
        var judgment = Of(1, 2, 2);

        Assert.Equal(1, judgment.Spread);
        Assert.False(judgment.Flaky);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 2 })]
    [InlineData(new[] { 0, 1, 1 })]
    [InlineData(new[] { 3, 0 })]
    public void Repeats_straddling_a_label_boundary_are_flaky(int[] scores) =>
        Assert.True(Of(scores).Flaky);

    [Fact]
    public void Labels_follow_the_gate_thresholds()
    {
        var lenient = new LabelThresholds { Correct = 0.6, Partial = 0.3 };

        var judgment = Judgment.FromRepeats([(2, "Score: 2")], lenient, 3);

        Assert.Equal(Label.C, judgment.Label);
    }
}
