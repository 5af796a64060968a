using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class RankBiasedOverlapTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.98)]
    [InlineData(0.99)]
    public void Identical_rankings_overlap_one_to_within_rounding_and_never_above(double p)
    {
        foreach (var count in new[] { 3, Samples.SeedIds.Length })
        {
            var ids = Samples.SeedIds.Take(count).ToList();
            var rbo = RankBiasedOverlap.Extrapolated(ids, ids, p);
            Assert.InRange(rbo, 1 - 1e-12, 1.0);
        }
    }

    [Fact]
    public void Disjoint_rankings_overlap_zero()
    {
        Assert.Equal(0.0, RankBiasedOverlap.Extrapolated(["1", "2", "3"], ["4", "5", "6"], 0.9), 12);
    }

    [Fact]
    public void A_swap_at_the_top_costs_more_than_a_swap_at_the_bottom()
    {
        string[] original = ["a", "b", "c", "d", "e"];
        var top = RankBiasedOverlap.Extrapolated(original, ["b", "a", "c", "d", "e"], 0.9);
        var bottom = RankBiasedOverlap.Extrapolated(original, ["a", "b", "c", "e", "d"], 0.9);
        Assert.True(top < bottom, $"top swap {top} should be below bottom swap {bottom}");
        Assert.True(bottom < 1);
    }

    [Fact]
    public void Swapping_the_top_two_of_three_gives_the_hand_computed_value()
    {
        // RBO_ext = (1−p)/p · Σ_{d=1..k} (X_d/d)·p^d + (X_k/k)·p^k, with p = 0.9, k = 3.
        // [a,b,c] vs [b,a,c]: X_1 = 0, X_2 = 2, X_3 = 3.
        // Σ = 0·0.9 + (2/2)·0.81 + (3/3)·0.729 = 1.539;  (0.1/0.9)·1.539 = 0.171;  0.171 + 0.729 = 0.900.
        Assert.Equal(0.900, RankBiasedOverlap.Extrapolated(["a", "b", "c"], ["b", "a", "c"], 0.9), 12);

        // [a,b,c] vs [a,c,b]: X_1 = 1, X_2 = 1, X_3 = 3.
        // Σ = 0.9 + (1/2)·0.81 + 0.729 = 2.034;  2.034/9 = 0.226;  0.226 + 0.729 = 0.955.
        Assert.Equal(0.955, RankBiasedOverlap.Extrapolated(["a", "b", "c"], ["a", "c", "b"], 0.9), 12);
    }

    [Fact]
    public void Rankings_of_different_lengths_extrapolate_as_the_paper_says()
    {
        // Eq. 32 with S = [a,b] (s = 2), L = [a,c,b] (l = 3), p = 0.5.
        // X_1 = 1, X_2 = |{a,b}∩{a,c}| = 1, X_3 = |{a,b}∩{a,c,b}| = 2; X_s = 1, X_l = 2.
        // Σ X_d/d·p^d = 0.5 + 0.125 + (2/3)·0.125 = 0.708333…
        // Σ_{d=s+1..l} X_s·(d−s)/(s·d)·p^d = 1·(1/6)·0.125 = 0.020833…
        // (1−p)/p = 1, so the first part is 0.729166…; the tail is p^l·((X_l−X_s)/l + X_s/s) = 0.125·(1/3 + 1/2) = 0.104166…
        // RBO_ext = 0.833333… = 5/6.
        Assert.Equal(5.0 / 6, RankBiasedOverlap.Extrapolated(["a", "b"], ["a", "c", "b"], 0.5), 12);
    }

    [Fact]
    public void It_is_symmetric()
    {
        var random = new Random(20240611);
        for (var trial = 0; trial < 200; trial++)
        {
            var first = RandomRanking(random, random.Next(0, 12));
            var second = RandomRanking(random, random.Next(0, 12));
            Assert.Equal(
                RankBiasedOverlap.Extrapolated(first, second, 0.9),
                RankBiasedOverlap.Extrapolated(second, first, 0.9), 12);
        }
    }

    [Fact]
    public void Two_empty_rankings_agree_and_an_empty_one_shares_nothing()
    {
        Assert.Equal(1.0, RankBiasedOverlap.Extrapolated([], [], 0.9));
        Assert.Equal(0.0, RankBiasedOverlap.Extrapolated([], ["a"], 0.9));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_persistence_outside_zero_to_one_is_rejected(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RankBiasedOverlap.Extrapolated(["a"], ["a"], p));
    }

    static List<string> RandomRanking(Random random, int length) =>
        Enumerable.Range(0, 20).OrderBy(_ => random.Next()).Take(length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
