using System.Globalization;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class RetrievalComparerTests
{
    static readonly RetrievalComparer Comparer = new(new Tolerances { RboP = 0.9, RboMin = 0.9, Score = 0.02 });

    static RetrievalSnapshot Reordered(params string[] ids) => Samples.Retrieval(ids);

    [Fact]
    public void The_same_ranking_passes()
    {
        Assert.Empty(Comparer.Compare(Samples.Retrieval(), Samples.Retrieval()));
    }

    [Fact]
    public void A_changed_retriever_names_the_setting_with_old_and_new_value()
    {
        var current = Samples.Retrieval() with { Retriever = Samples.Identity(maxTokens: 256) };
        var message = Assert.Single(Comparer.Compare(Samples.Retrieval(), current));
        Assert.Equal("retriever changed: maxTokens '512' → '256'", message);
    }

    [Fact]
    public void A_ranking_below_the_overlap_minimum_names_the_segment_and_its_old_and_new_rank()
    {
        var current = Reordered("7744", "3247", "6694", "3334", "7699", "7742", "3027", "3246", "7682", "7743");
        var rbo = RankBiasedOverlap.Extrapolated(Samples.SeedIds, current.Ranking.Select(s => s.Id).ToList(), 0.9);

        var messages = Comparer.Compare(Samples.Retrieval(), current);

        Assert.Contains($"rank-biased overlap {rbo.ToString("0.0000", CultureInfo.InvariantCulture)} is below the minimum 0.9 (p = 0.9)", messages);
        Assert.Contains("segment 3027 fell from rank 1 to 7", messages);
        Assert.Contains("segment 7744 rose from rank 2 to 1", messages);
        Assert.DoesNotContain(messages, m => m.Contains("3246"));
    }

    [Fact]
    public void Segments_that_enter_or_drop_out_are_named_with_their_rank()
    {
        var current = Reordered("3027", "7744", "4411", "3247", "6694", "3334", "7699", "7742", "3246", "7682");

        var messages = Comparer.Compare(Samples.Retrieval(), current);

        Assert.Contains("segment 4411 entered at rank 3", messages);
        Assert.Contains("segment 7743 dropped out (was rank 10)", messages);
        Assert.Contains("segment 3247 fell from rank 3 to 4", messages);
    }

    [Fact]
    public void A_swap_near_the_bottom_stays_within_the_overlap_minimum()
    {
        var current = Reordered("3027", "7744", "3247", "6694", "3334", "7699", "7742", "3246", "7743", "7682");
        var verified = Samples.Retrieval();
        // Scores follow positions in the sample, so keep each id's score to isolate the ranking.
        current = current with { Ranking = current.Ranking.Select(s => s with { Score = verified.Ranking.Single(v => v.Id == s.Id).Score }).ToList() };
        Assert.Empty(Comparer.Compare(verified, current));
    }

    [Fact]
    public void A_score_moved_beyond_tolerance_is_reported_with_both_values()
    {
        var verified = WithScore(Samples.Retrieval(), "3027", 0.8536);
        var current = WithScore(Samples.Retrieval(), "3027", 0.8012);

        var message = Assert.Single(Comparer.Compare(verified, current));

        Assert.Equal("score of 3027 moved 0.8536 → 0.8012 (tolerance 0.02)", message);
    }

    [Fact]
    public void A_score_moved_exactly_the_tolerance_passes()
    {
        var verified = WithScore(Samples.Retrieval(), "3027", 0.85);
        var current = WithScore(Samples.Retrieval(), "3027", 0.83);
        Assert.Empty(Comparer.Compare(verified, current));
    }

    [Fact]
    public void A_changed_question_text_is_reported()
    {
        var current = Samples.Retrieval() with { Question = "Para que serve o pooling?" };
        var message = Assert.Single(Comparer.Compare(Samples.Retrieval(), current));
        Assert.Contains("question text changed", message);
        Assert.Contains("'Para que serve o pooling?'", message);
    }

    static RetrievalSnapshot WithScore(RetrievalSnapshot snapshot, string id, double score) =>
        snapshot with { Ranking = snapshot.Ranking.Select(s => s.Id == id ? s with { Score = score } : s).ToList() };
}
