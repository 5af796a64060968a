using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Tests.Judging;

public sealed class SimilarityJudgeTests
{
    /// <summary>Questions embed to (1, 0); an answer "cos=x" embeds to the unit vector at cosine x from it.</summary>
    static float[][] Embed(IReadOnlyList<string> texts) => texts.Select(t =>
    {
        if (!t.StartsWith("cos=", StringComparison.Ordinal)) return new[] { 2f, 0f };
        var cosine = double.Parse(t[4..], System.Globalization.CultureInfo.InvariantCulture);
        return new[] { (float)cosine, (float)Math.Sqrt(1 - cosine * cosine) };
    }).ToArray();

    static SimilarityJudge Judge() => new(Embed, "minilm:abc123", [0.35, 0.55, 0.75], new LabelThresholds());

    [Theory]
    [InlineData("0.10", 0, Label.I)]
    [InlineData("0.36", 1, Label.P)]
    [InlineData("0.60", 2, Label.P)]
    [InlineData("0.90", 3, Label.C)]
    public async Task Cosine_maps_to_a_score_through_the_thresholds(string cosine, int score, Label label)
    {
        var judgment = Assert.IsType<Judgment>(await Judge().JudgeAsync("O que é pooling?", $"cos={cosine}"));

        Assert.Equal(score, judgment.Score);
        Assert.Equal(label, judgment.Label);
        Assert.Equal([score], judgment.Scores);
        Assert.False(judgment.Flaky);
    }

    [Theory]
    [InlineData(0.3499, 0)]
    [InlineData(0.35, 1)]
    [InlineData(0.75, 3)]
    public void A_threshold_is_reached_at_equality(double cosine, int score) =>
        Assert.Equal(score, Judge().ScoreFor(cosine));

    [Fact]
    public async Task It_says_it_is_the_similarity_judge_not_an_llm()
    {
        var judge = Judge();
        var judgment = Assert.IsType<Judgment>(await judge.JudgeAsync("q", "cos=0.6"));

        Assert.Equal(SimilarityJudge.Kind, judge.Identity.Kind);
        Assert.Equal([new("kind", "similarity"), new("embedder", "minilm:abc123"), new("thresholds", "0.35/0.55/0.75")], judge.Identity.Properties);
        Assert.StartsWith("Similarity judge (not an LLM): cosine(question, answer) = 0.6000", judgment.Reasoning);
        Assert.Equal(2, JudgeOutputParser.Parse(judgment.Reasoning).Score);
    }

    [Fact]
    public void Thresholds_must_be_three_and_ascending()
    {
        Assert.Throws<ArgumentException>(() => new SimilarityJudge(Embed, "e", [0.3, 0.5], new LabelThresholds()));
        Assert.Throws<ArgumentException>(() => new SimilarityJudge(Embed, "e", [0.3, 0.7, 0.5], new LabelThresholds()));
    }
}
