using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Retrieval;

public sealed class RetrievalMetricsTests
{
    // Relevant: b, c, z. Ranked: a, x, b, y, c — hits at ranks 3 and 5, z never retrieved.
    static readonly string[] Ranked = ["a", "x", "b", "y", "c"];
    static readonly string[] Relevant = ["b", "c", "z"];

    [Fact]
    public void Recall_is_the_share_of_relevant_segments_in_the_top_k()
    {
        Assert.Equal(2.0 / 3, RetrievalMetrics.RecallAtK(Ranked, Relevant, 5), 12);
        Assert.Equal(1.0 / 3, RetrievalMetrics.RecallAtK(Ranked, Relevant, 3), 12);
        Assert.Equal(0.0, RetrievalMetrics.RecallAtK(Ranked, Relevant, 2), 12);
    }

    [Fact]
    public void Reciprocal_rank_is_one_over_the_first_hit_within_k()
    {
        Assert.Equal(1.0 / 3, RetrievalMetrics.ReciprocalRankAtK(Ranked, Relevant, 5), 12);
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRankAtK(Ranked, Relevant, 2), 12);
        Assert.Equal(1.0, RetrievalMetrics.ReciprocalRankAtK(["c", "a"], Relevant, 1), 12);
    }

    [Fact]
    public void Ndcg_uses_linear_gain_and_a_log2_rank_plus_one_discount()
    {
        // DCG@5 = 1/log2(4) + 1/log2(6) = 0.5 + 0.386853 = 0.886853
        // IDCG over min(5, 3) = 3 hits = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.630930 + 0.5 = 2.130930
        // nDCG@5 = 0.886853 / 2.130930 = 0.416181
        var expected = (0.5 + 1 / Math.Log2(6)) / (1 + 1 / Math.Log2(3) + 0.5);
        Assert.Equal(expected, RetrievalMetrics.NdcgAtK(Ranked, Relevant, 5), 12);
        Assert.Equal(0.4162, RetrievalMetrics.NdcgAtK(Ranked, Relevant, 5), 4);
        // @3: DCG = 0.5 over the same IDCG (three relevant fit in three ranks) = 0.234639
        Assert.Equal(0.2346, RetrievalMetrics.NdcgAtK(Ranked, Relevant, 3), 4);
    }

    [Fact]
    public void The_ideal_ranking_counts_only_as_many_relevant_segments_as_fit_in_k()
    {
        // Three relevant, k = 2: both slots hit, so the ranking is as good as it can be, though recall is 2/3.
        Assert.Equal(1.0, RetrievalMetrics.NdcgAtK(["r1", "r2", "r3"], ["r1", "r2", "r3"], 2), 12);
        Assert.Equal(2.0 / 3, RetrievalMetrics.RecallAtK(["r1", "r2", "r3"], ["r1", "r2", "r3"], 2), 12);
    }

    [Fact]
    public void A_perfect_ranking_scores_one_everywhere()
    {
        Assert.Equal(1.0, RetrievalMetrics.RecallAtK(["b", "c", "z"], Relevant, 3));
        Assert.Equal(1.0, RetrievalMetrics.ReciprocalRankAtK(["b", "c", "z"], Relevant, 3));
        Assert.Equal(1.0, RetrievalMetrics.NdcgAtK(["b", "c", "z"], Relevant, 3), 12);
    }

    [Fact]
    public void A_repeated_id_earns_nothing_twice()
    {
        Assert.Equal(1.0 / 3, RetrievalMetrics.RecallAtK(["b", "b", "b"], Relevant, 3), 12);
    }

    [Fact]
    public void A_repeated_id_still_takes_up_its_rank()
    {
        // "c" stands at rank 3, whatever stood at 1 and 2; it is not promoted because rank 2 repeated rank 1.
        Assert.Equal(1.0 / 3, RetrievalMetrics.ReciprocalRankAtK(["x", "x", "c"], ["c"], 3), 12);
        Assert.Equal(1 / Math.Log2(4), RetrievalMetrics.NdcgAtK(["x", "x", "c"], ["c"], 3), 12);
        Assert.Equal(0.0, RetrievalMetrics.RecallAtK(["x", "x", "c"], ["c"], 2), 12);
    }

    [Fact]
    public void Averages_count_only_questions_that_name_relevant_segments()
    {
        IReadOnlyList<string> none = [];
        var quality = RetrievalMetrics.Average(
        [
            (Ranked, Relevant),
            (["b", "c", "z"], Relevant),
            (["q"], none),
        ], 5);

        Assert.NotNull(quality);
        Assert.Equal(5, quality.K);
        Assert.Equal(2, quality.Questions);
        Assert.Equal((2.0 / 3 + 1) / 2, quality.Recall, 12);
        Assert.Equal((1.0 / 3 + 1) / 2, quality.Mrr, 12);
        Assert.Equal((RetrievalMetrics.NdcgAtK(Ranked, Relevant, 5) + 1) / 2, quality.Ndcg, 12);
    }

    [Fact]
    public void With_no_relevant_segments_anywhere_there_is_nothing_to_average()
    {
        IReadOnlyList<string> none = [];
        Assert.Null(RetrievalMetrics.Average([(Ranked, none)], 5));
    }
}
