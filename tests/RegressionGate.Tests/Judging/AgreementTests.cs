using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Tests.Judging;

public sealed class AgreementTests
{
    static List<LabelPair> Cells(params (Label Manual, Label Automated, int Count)[] cells) =>
        cells.SelectMany(c => Enumerable.Repeat(new LabelPair(c.Manual, c.Automated), c.Count)).ToList();

    /// <summary>
    /// Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by readers A and B; both say yes
    /// to 20, A yes and B no to 5, A no and B yes to 10, both no to 15. p_o = 0.7, p_e = 0.5, κ = 0.4.
    /// Yes is mapped to C and no to I (A manual, B automated); P is unused, which changes no term.
    /// </summary>
    static readonly List<LabelPair> WikipediaGrantProposals = Cells(
        (Label.C, Label.C, 20), (Label.C, Label.I, 5), (Label.I, Label.C, 10), (Label.I, Label.I, 15));

    [Fact]
    public void Cohens_kappa_matches_the_published_wikipedia_example()
    {
        var matrix = new ConfusionMatrix(WikipediaGrantProposals);

        Assert.Equal(0.7, AgreementMeasures.Accuracy(matrix)!.Value, 12);
        Assert.Equal(0.4, AgreementMeasures.Kappa(matrix)!.Value, 12);
    }

    [Fact]
    public void With_only_the_extreme_labels_weighting_changes_nothing()
    {
        var matrix = new ConfusionMatrix(WikipediaGrantProposals);

        Assert.Equal(0.4, AgreementMeasures.Kappa(matrix, KappaWeighting.Linear)!.Value, 12);
        Assert.Equal(0.4, AgreementMeasures.Kappa(matrix, KappaWeighting.Quadratic)!.Value, 12);
    }

    /// <summary>
    /// Rows manual I/P/C, columns automated I/P/C:
    /// <code>
    ///        I  P  C | row
    ///   I    4  2  0 |  6
    ///   P    1  5  2 |  8
    ///   C    0  3  3 |  6
    ///   col  5 10  5 | 20
    /// </code>
    /// </summary>
    static readonly List<LabelPair> ThreeLabels = Cells(
        (Label.I, Label.I, 4), (Label.I, Label.P, 2),
        (Label.P, Label.I, 1), (Label.P, Label.P, 5), (Label.P, Label.C, 2),
        (Label.C, Label.P, 3), (Label.C, Label.C, 3));

    [Fact]
    public void Confusion_matrix_counts_manual_rows_against_automated_columns()
    {
        var matrix = new ConfusionMatrix(ThreeLabels);

        Assert.Equal(20, matrix.Total);
        Assert.Equal(2, matrix[Label.I, Label.P]);
        Assert.Equal(3, matrix[Label.C, Label.P]);
        Assert.Equal(0, matrix[Label.C, Label.I]);
        Assert.Equal(8, matrix.ManualTotal(Label.P));
        Assert.Equal(10, matrix.AutomatedTotal(Label.P));
        Assert.Equal([[4, 2, 0], [1, 5, 2], [0, 3, 3]], matrix.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void Unweighted_kappa_by_hand()
    {
        // p_o = (4+5+3)/20 = 0.6; p_e = (6·5 + 8·10 + 6·5)/400 = 0.35; κ = 0.25/0.65 = 5/13.
        var matrix = new ConfusionMatrix(ThreeLabels);

        Assert.Equal(0.6, AgreementMeasures.Accuracy(matrix)!.Value, 12);
        Assert.Equal(5 / 13.0, AgreementMeasures.Kappa(matrix)!.Value, 12);
    }

    [Fact]
    public void Linear_weighted_kappa_by_hand()
    {
        // Weights: adjacent 1/2, I–C 1. Observed: 8 adjacent answers · 1/2 / 20 = 0.2.
        // Expected: adjacent r·c = 60+40+40+60 = 200 · 1/2 = 100, I–C 30+30 = 60 · 1 → 160/400 = 0.4. κ = 1 − 0.2/0.4 = 0.5.
        Assert.Equal(0.5, AgreementMeasures.Kappa(new ConfusionMatrix(ThreeLabels), KappaWeighting.Linear)!.Value, 12);
    }

    [Fact]
    public void Quadratic_weighted_kappa_by_hand()
    {
        // Weights: adjacent 1/4, I–C 1. Observed: 8 · 1/4 / 20 = 0.1. Expected: (200/4 + 60)/400 = 0.275.
        // κ = 1 − 0.1/0.275 = 7/11.
        Assert.Equal(7 / 11.0, AgreementMeasures.Kappa(new ConfusionMatrix(ThreeLabels), KappaWeighting.Quadratic)!.Value, 12);
    }

    [Fact]
    public void Perfect_agreement_is_one_with_a_degenerate_interval()
    {
        var report = Agreement.Compute(Cells((Label.I, Label.I, 3), (Label.P, Label.P, 4), (Label.C, Label.C, 5)));

        foreach (var statistic in new[] { report.Accuracy, report.Kappa, report.LinearKappa, report.QuadraticKappa })
        {
            Assert.Equal(1.0, statistic.Value!.Value, 12);
            Assert.Equal(1.0, statistic.Low!.Value, 12);
            Assert.Equal(1.0, statistic.High!.Value, 12);
        }
    }

    [Fact]
    public void Everyone_giving_one_label_leaves_kappa_undefined_and_says_why_instead_of_nan()
    {
        var report = Agreement.Compute(Cells((Label.C, Label.C, 10)));

        Assert.Equal(1.0, report.Accuracy.Value);
        Assert.Null(report.Kappa.Value);
        Assert.Null(report.Kappa.Low);
        Assert.Contains("same single label", report.Kappa.Undefined);
        Assert.Null(report.QuadraticKappa.Value);
    }

    [Theory]
    [InlineData(Label.C, Label.P)]
    [InlineData(Label.I, Label.C)]
    public void Kappa_over_a_single_answer_is_undefined_not_zero(Label manual, Label automated)
    {
        var report = Agreement.Compute([new LabelPair(manual, automated)]);

        Assert.Equal(0.0, report.Accuracy.Value);
        foreach (var kappa in new[] { report.Kappa, report.LinearKappa, report.QuadraticKappa })
        {
            Assert.True(kappa.Value is null, $"kappa over one answer should be undefined, was {kappa.Value}");
            Assert.Equal("undefined over a single answer: chance agreement needs at least two", kappa.Undefined);
        }
    }

    [Fact]
    public void A_judge_that_always_says_the_same_has_kappa_zero()
    {
        // p_o = 4/10 = share of C; p_e = 1 · 0.4 → κ = 0.
        var matrix = new ConfusionMatrix(Cells((Label.C, Label.C, 4), (Label.P, Label.C, 3), (Label.I, Label.C, 3)));

        Assert.Equal(0.0, AgreementMeasures.Kappa(matrix)!.Value, 12);
    }

    [Fact]
    public void No_answers_means_every_measure_is_undefined()
    {
        var report = Agreement.Compute([]);

        Assert.Equal(0, report.Count);
        Assert.All(new[] { report.Accuracy, report.Kappa, report.LinearKappa, report.QuadraticKappa }, s =>
        {
            Assert.Null(s.Value);
            Assert.NotNull(s.Undefined);
        });
    }

    [Fact]
    public void Bootstrap_is_reproducible_with_its_fixed_seed_and_brackets_the_estimate()
    {
        var first = Agreement.Compute(ThreeLabels);
        var second = Agreement.Compute(ThreeLabels);
        var otherSeed = Agreement.Compute(ThreeLabels, seed: 7);

        Assert.Equal(Agreement.DefaultResamples, first.Resamples);
        Assert.Equal(Agreement.DefaultSeed, first.Seed);
        Assert.Equal(first.Kappa, second.Kappa);
        Assert.Equal(first.QuadraticKappa, second.QuadraticKappa);
        Assert.NotEqual(first.Kappa, otherSeed.Kappa);
        foreach (var s in new[] { first.Accuracy, first.Kappa, first.LinearKappa, first.QuadraticKappa })
        {
            Assert.False(double.IsNaN(s.Low!.Value) || double.IsNaN(s.High!.Value));
            Assert.InRange(s.Value!.Value, s.Low.Value, s.High.Value);
            Assert.True(s.High.Value - s.Low.Value > 0.1, "20 answers cannot pin agreement down tightly");
            Assert.InRange(s.Low.Value, -1, 1);
            Assert.InRange(s.High.Value, -1, 1);
        }
    }

    [Fact]
    public void Quantile_interpolates_between_order_statistics()
    {
        Assert.Equal(1.75, Agreement.Quantile([1, 2, 3, 4], 0.25), 12);
        Assert.Equal(4.0, Agreement.Quantile([1, 2, 3, 4], 1.0), 12);
        Assert.Equal(5.0, Agreement.Quantile([5], 0.975), 12);
    }
}
