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
    public void A_drop_within_tolerance_or_an_improvement_passes()
    {
        Assert.Empty(Comparer.Compare(Samples.Summary(recall: 0.8), Samples.Summary(recall: 0.76)));
        Assert.Empty(Comparer.Compare(Samples.Summary(recall: 0.8), Samples.Summary(recall: 0.95)));
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
        var current = Samples.Summary() with { Retrieval = Samples.Summary().Retrieval! with { K = 5 } };
        Assert.Contains(Comparer.Compare(Samples.Summary(), current), m => m.StartsWith("retrieval k changed 10 → 5", StringComparison.Ordinal));
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
