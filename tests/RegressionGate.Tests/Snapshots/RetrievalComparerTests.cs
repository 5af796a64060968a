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
        // The six segments that moved up only because 3027 fell are one sentence, not six.
        Assert.Contains("6 other segments moved up one rank as a result", messages);
        Assert.DoesNotContain(messages, m => m.Contains("7744"));
        Assert.DoesNotContain(messages, m => m.Contains("3246"));
    }

    [Fact]
    public void Segments_that_enter_or_leave_are_named_with_their_rank_and_the_shifts_they_cause_summarised()
    {
        var current = Reordered("3027", "7744", "4411", "3247", "6694", "3334", "7699", "7742", "3246", "7682");

        var messages = Comparer.Compare(Samples.Retrieval(), current);

        Assert.Contains("segment 4411 entered at rank 3", messages);
        Assert.Contains("segment 7743 left the top 10 (was rank 10)", messages);
        Assert.Contains("7 other segments moved down one rank as a result", messages);
        Assert.DoesNotContain(messages, m => m.Contains("3247"));
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

    [Fact]
    public void A_relevant_segment_that_left_is_named_first_and_starred_and_a_relevant_one_that_shifted_is_named_too()
    {
        var comparer = new RetrievalComparer(new Tolerances(), relevant: ["7743", "3027"]);
        // 3027 (relevant, rank 1) leaves; 9999 enters at the bottom; the rest move up one.
        var current = Reordered("7744", "3247", "6694", "3334", "7699", "7742", "3246", "7682", "7743", "9999");

        var messages = comparer.Compare(Samples.Retrieval(), current);

        Assert.StartsWith("rank-biased overlap", messages[0]);
        Assert.Equal("relevant segment 3027 ★ left the top 10 (was rank 1)", messages[1]);
        Assert.Equal("segment 9999 entered at rank 10", messages[2]);
        // 7743 only moved up because 3027 left, but it is relevant: its rank is part of MRR and nDCG, so it is named.
        Assert.Equal("relevant segment 7743 ★ rose from rank 10 to 9 as a result", messages[3]);
        Assert.Equal("8 other segments moved up one rank as a result", messages[4]);
    }

    [Fact]
    public void Many_segments_that_leave_are_counted_in_one_sentence_naming_them()
    {
        var current = Reordered("3027", "7744", "3247", "6694", "3334", "9001", "9002", "9003", "9004", "9005");

        var messages = Comparer.Compare(Samples.Retrieval(), current);

        Assert.Contains("5 other segments left the top 10: 7699 (was 6), 7742 (was 7), 3246 (was 8), 7682 (was 9), 7743 (was 10)", messages);
        Assert.Contains("5 other segments entered: 9001 (at 6), 9002 (at 7), 9003 (at 8), 9004 (at 9), 9005 (at 10)", messages);
    }

    [Fact]
    public void Scores_from_another_retriever_kind_are_said_not_to_compare_instead_of_being_compared()
    {
        var bm25 = new RetrieverIdentity([new("kind", "bm25"), new("analyzer", "brazilian"), new("k", "10")]);
        var current = Samples.Retrieval() with { Retriever = bm25, Ranking = Samples.Retrieval().Ranking.Select(s => s with { Score = s.Score * 20 }).ToList() };

        var messages = Comparer.Compare(Samples.Retrieval(), current);

        Assert.Equal("retriever changed: kind 'dense' → 'bm25' (5 other settings differ)", messages[0]);
        Assert.Contains("scores not compared: dense (3f0a9c1be25d47a8b1c6e0f9d2a4b7c8e1f0a3b6c9d2e5f8a1b4c7d0e3f6a9b2) and bm25 score on different scales", messages);
        Assert.DoesNotContain(messages, m => m.StartsWith("score", StringComparison.Ordinal) && m.Contains("moved"));
    }

    [Fact]
    public void More_than_three_scores_beyond_tolerance_are_one_message_naming_the_largest_move()
    {
        var current = Samples.Retrieval() with { Ranking = Samples.Retrieval().Ranking.Select((s, i) => s with { Score = s.Score - 0.03 - 0.001 * i }).ToList() };

        var message = Assert.Single(Comparer.Compare(Samples.Retrieval(), current));

        Assert.Equal("scores of 10 segments moved more than the tolerance 0.02; most 7743: 0.7600 → 0.7210", message);
    }

    static RetrievalSnapshot WithScore(RetrievalSnapshot snapshot, string id, double score) =>
        snapshot with { Ranking = snapshot.Ranking.Select(s => s.Id == id ? s with { Score = score } : s).ToList() };
}
