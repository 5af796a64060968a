using RegressionGate.Gate;
using RegressionGate.Judging;

namespace RegressionGate.Reports;

/// <summary>Where an aggregate stands against its baseline and floor.</summary>
internal enum AggregateStatus
{
    /// <summary>Within tolerance of the baseline (or no baseline) and at or above the floor.</summary>
    Ok,
    /// <summary>Dropped more than its tolerance below the verified baseline.</summary>
    BelowBaseline,
    /// <summary>
    /// Rose more than its tolerance above the verified baseline: the gate fails until the rise is approved, so the
    /// baseline ratchets up to the new level instead of leaving room to slide back unnoticed.
    /// </summary>
    AboveBaseline,
    /// <summary>Below the absolute floor of <c>gate.json</c>.</summary>
    BelowFloor,
    /// <summary>Not measured in this run (no relevant ids, no manual labels, or undefined).</summary>
    NotMeasured,
}

/// <summary>
/// One gated aggregate of a run as the reports show it: baseline (the verified summary before the run), current value,
/// its bootstrap 95% interval, tolerance and floor. <see cref="Undefined"/> says why a kappa has no value.
/// </summary>
/// <param name="Key">Stable name, as in the summary snapshot: recall, mrr, ndcg, accuracy, kappa, linearKappa, quadraticKappa.</param>
/// <param name="Name">How people read it: <c>recall@10</c>, <c>Cohen's κ</c>.</param>
internal sealed record AggregateRow(
    string Key,
    string Name,
    double? Baseline,
    double? Current,
    Interval? Interval,
    double Tolerance,
    double Floor,
    string? Undefined)
{
    /// <summary>Slack for binary floating point, as the summary comparer allows.</summary>
    const double Epsilon = 1e-9;

    /// <summary>
    /// Current − baseline at the precision snapshots keep (<see cref="Snapshots.StableJson.Decimals"/> decimals): the
    /// baseline was read from a snapshot, so a difference below that precision is no difference and is 0.
    /// </summary>
    public double? Delta => Baseline is { } b && Current is { } c ? StoredDifference(c, b) : null;

    static double StoredDifference(double current, double baseline)
    {
        var delta = Snapshots.StableJson.Round(Snapshots.StableJson.Round(current) - Snapshots.StableJson.Round(baseline));
        return delta == 0 ? 0 : delta; // never −0
    }

    public AggregateStatus Status => Current switch
    {
        null => AggregateStatus.NotMeasured,
        { } c when c < Floor - Epsilon => AggregateStatus.BelowFloor,
        { } c when Baseline is { } b && c < b - Tolerance - Epsilon => AggregateStatus.BelowBaseline,
        { } c when Baseline is { } b && c > b + Tolerance + Epsilon => AggregateStatus.AboveBaseline,
        _ => AggregateStatus.Ok,
    };

    /// <summary>The gate fails on this aggregate: below floor, beyond tolerance of its baseline, or measured before and not now.</summary>
    public bool Failed => Status is AggregateStatus.BelowFloor or AggregateStatus.BelowBaseline or AggregateStatus.AboveBaseline
                          || (Status == AggregateStatus.NotMeasured && Baseline is not null);

    /// <summary>The status in words: ok, below floor, below or above baseline, no longer measured, or not measured (and why).</summary>
    public string Describe() => Status switch
    {
        AggregateStatus.BelowFloor => "below floor",
        AggregateStatus.BelowBaseline => "below baseline",
        AggregateStatus.AboveBaseline => "above baseline: approve to raise it",
        AggregateStatus.NotMeasured when Failed => "no longer measured",
        AggregateStatus.NotMeasured => Undefined is { } why ? $"not measured: {why}" : "not measured",
        _ => "ok",
    };

    /// <summary>
    /// The gated aggregates of a run, in the summary snapshot's order: recall, MRR, nDCG, accuracy and the three kappas,
    /// then the mean of each configured metric (key: the metric's name).
    /// </summary>
    public static IReadOnlyList<AggregateRow> From(GateResult result)
    {
        var k = result.K();
        var current = result.Summary;
        var baseline = result.SummaryBaseline;
        var tolerances = result.Settings.Tolerances;
        var floors = result.Settings.Floors;
        var retrieval = result.RetrievalIntervals;
        var agreement = result.Agreement;
        return
        [
            new("recall", $"recall@{k}", baseline?.Retrieval?.Recall, current.Retrieval?.Recall, retrieval?.Recall, tolerances.Recall, floors.Recall, null),
            new("mrr", $"MRR@{k}", baseline?.Retrieval?.Mrr, current.Retrieval?.Mrr, retrieval?.Mrr, tolerances.Mrr, floors.Mrr, null),
            new("ndcg", $"nDCG@{k}", baseline?.Retrieval?.Ndcg, current.Retrieval?.Ndcg, retrieval?.Ndcg, tolerances.Ndcg, floors.Ndcg, null),
            Judge("accuracy", "accuracy", baseline?.Judge?.Accuracy, current.Judge?.Accuracy, agreement?.Accuracy, tolerances.Accuracy, floors.Accuracy),
            Judge("kappa", "Cohen's κ", baseline?.Judge?.Kappa, current.Judge?.Kappa, agreement?.Kappa, tolerances.Kappa, floors.Kappa),
            Judge("linearKappa", "linear weighted κ", baseline?.Judge?.LinearKappa, current.Judge?.LinearKappa, agreement?.LinearKappa, tolerances.Kappa, floors.Kappa),
            Judge("quadraticKappa", "quadratic weighted κ", baseline?.Judge?.QuadraticKappa, current.Judge?.QuadraticKappa, agreement?.QuadraticKappa, tolerances.Kappa, floors.Kappa),
            .. result.MetricJudges.Select(j => Metric(result, j.Metric)),
        ];
    }

    /// <summary>A metric's mean over the questions it graded, against the baseline's, with its own tolerance and floor.</summary>
    static AggregateRow Metric(GateResult result, Judging.Metrics.JudgeMetric metric) => new(
        metric.Name,
        MeanName(metric, result.K()),
        result.SummaryBaseline?.Metric(metric.Name)?.Mean,
        result.Summary.Metric(metric.Name)?.Mean,
        result.MetricIntervals.TryGetValue(metric.Name, out var interval) ? interval : null,
        metric.Rules.Mean,
        metric.Rules.Floor,
        result.Summary.Metric(metric.Name) is not null ? null
            // A judge that failed everywhere is no "nothing to grade": say why, as the summary's refusal to be approved does.
            : Snapshots.MetricNotMeasured.Of(metric.Name, result.Questions.Select(q => q.Metric(metric.Name)?.Outcome)) is { } failed
                ? failed.Reason
                : "no question had anything for it to grade");

    /// <summary>How reports name a metric's mean: <c>mean context relevance@10</c>, <c>mean groundedness</c>.</summary>
    public static string MeanName(Judging.Metrics.JudgeMetric metric, int k) => "mean " + metric.NameAtK(k);

    static AggregateRow Judge(string key, string name, double? baseline, double? current, AgreementStatistic? statistic, double tolerance, double floor) =>
        new(key, name, baseline, current,
            statistic is { Low: { } low, High: { } high } ? new Interval(low, high) : null,
            tolerance, floor, statistic?.Undefined);
}
