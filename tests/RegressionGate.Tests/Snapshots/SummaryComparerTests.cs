using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class SummaryComparerTests
{
    static readonly SummaryComparer Comparer = new(new Tolerances { Recall = 0.05, Kappa = 0.1 }, new Floors());

    [Fact]
    public void A_drop_beyond_tolerance_gives_metric_baseline_current_delta_and_tolerance()
    {
        var message = Assert.Single(Comparer.Compare(Samples.Summary(recall: 0.8), Samples.Summary(recall: 0.7)));
        Assert.Equal("recall@10: baseline 0.8000, current 0.7000, Δ -0.1000 exceeds tolerance 0.05", message);
    }

    [Fact]
    public void A_move_within_tolerance_either_way_passes()
    {
        Assert.Empty(Comparer.Compare(Samples.Summary(recall: 0.8), Samples.Summary(recall: 0.76)));
        Assert.Empty(Comparer.Compare(Samples.Summary(recall: 0.8), Samples.Summary(recall: 0.84)));
    }

    [Fact]
    public void A_rise_beyond_tolerance_differs_too_so_that_approval_ratchets_the_baseline_up()
    {
        var message = Assert.Single(Comparer.Compare(Samples.Summary(recall: 0.6), Samples.Summary(recall: 0.87)));
        Assert.Equal(
            "recall@10: baseline 0.6000, current 0.8700, Δ +0.2700 exceeds tolerance 0.05 " +
            "(an improvement: approve it, so that the baseline holds the new level)", message);
    }

    [Fact]
    public void Aggregates_over_other_questions_are_no_baseline_even_when_every_number_holds()
    {
        var current = Samples.Summary() with { Basis = Samples.Basis(questions: 13) };

        var messages = Comparer.Compare(Samples.Summary(), current);

        Assert.Contains("measured over other questions: 12 → 13 questions", messages);
        Assert.Contains("measured over other judged answers: 12 → 13 answers with a manual label", messages);
    }

    [Fact]
    public void Another_retriever_or_judge_behind_the_same_numbers_makes_the_summary_differ()
    {
        var current = Samples.Summary() with { Basis = Samples.Basis(maxTokens: 256, judgeModel: "gpt-4o") };

        var messages = Comparer.Compare(Samples.Summary(), current);

        Assert.Equal(["retriever changed: maxTokens '512' → '256'", "judge changed: model 'gpt-4o-mini' → 'gpt-4o'"], messages);
    }

    [Fact]
    public void A_summary_written_before_summaries_recorded_their_basis_is_read_and_counts_as_changed()
    {
        const string written = "{\n  \"retrieval\": {\n    \"k\": 10,\n    \"questions\": 12,\n    \"recall\": 0.800000,\n" +
                               "    \"mrr\": 0.700000,\n    \"ndcg\": 0.750000\n  },\n  \"judge\": null\n}\n";
        var legacy = SnapshotKinds.Summary.Read(written, "gate.verified.json");

        var message = Assert.Single(Comparer.Compare(legacy, Samples.Summary() with { Judge = null }));

        Assert.Null(legacy.Basis);
        Assert.Equal(
            "the baseline does not record the questions, retriever and judge it was measured over (it was written by an " +
            "earlier version): approve the received summary to record them", message);
    }

    [Fact]
    public void Each_kappa_answers_to_the_kappa_tolerance()
    {
        var messages = Comparer.Compare(Samples.Summary(kappa: 0.6), Samples.Summary(kappa: 0.4));
        Assert.Equal(3, messages.Count);
        Assert.Contains("Cohen's kappa: baseline 0.6000, current 0.4000, Δ -0.2000 exceeds tolerance 0.1", messages);
        Assert.Contains(messages, m => m.StartsWith("quadratic weighted kappa: baseline 0.7000, current 0.5000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metric_that_can_no_longer_be_measured_fails()
    {
        var messages = Comparer.Compare(Samples.Summary(kappa: 0.6), Samples.Summary(kappa: null));
        Assert.Contains("Cohen's kappa: baseline 0.6000, current not measured", messages);
    }

    [Fact]
    public void A_changed_k_makes_the_retrieval_aggregates_incomparable()
    {
        var k5 = new RetrieverIdentity(Samples.Identity().Properties.Select(p => p.Key == "k" ? new KeyValuePair<string, string>("k", "5") : p));
        var current = Samples.Summary() with { Retrieval = Samples.Summary().Retrieval! with { K = 5 }, Basis = Samples.Basis() with { Retriever = k5 } };
        Assert.Contains("retriever changed: k '10' → '5'", Comparer.Compare(Samples.Summary(), current));
    }

    [Fact]
    public void A_floor_holds_against_a_baseline_that_already_sits_below_it()
    {
        var comparer = new SummaryComparer(new Tolerances(), new Floors { Ndcg = 0.8 });
        var baseline = Samples.Summary(ndcg: 0.76);
        var current = Samples.Summary(ndcg: 0.75);

        Assert.Empty(comparer.Compare(baseline, current));
        var message = Assert.Single(comparer.Violations(baseline, current));
        Assert.Equal("nDCG@10: current 0.7500 is below the floor 0.8 (baseline 0.7600, Δ -0.0100)", message);
    }

    [Fact]
    public void A_floor_holds_without_a_baseline()
    {
        var comparer = new SummaryComparer(new Tolerances(), new Floors { Accuracy = 0.9 });
        var message = Assert.Single(comparer.Violations(null, Samples.Summary(accuracy: 0.75)));
        Assert.Equal("accuracy: current 0.7500 is below the floor 0.9 (no baseline)", message);
    }

    [Fact]
    public void Metrics_at_or_above_their_floors_pass()
    {
        var comparer = new SummaryComparer(new Tolerances(), new Floors { Recall = 0.8, Mrr = 0.7, Ndcg = 0.75, Accuracy = 0.75, Kappa = 0.6 });
        Assert.Empty(comparer.Violations(null, Samples.Summary()));
    }
}
