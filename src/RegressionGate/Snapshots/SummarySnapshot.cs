using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// The aggregates of a whole gate run, the baseline the next run is held to. Either part is null when not measured;
/// <see cref="Basis"/> is null only in a summary written before summaries recorded what they were measured over.
/// </summary>
public sealed record SummarySnapshot(RetrievalQuality? Retrieval, JudgeAggregates? Judge, SummaryBasis? Basis)
{
    /// <summary>
    /// The mean of every metric over the questions it graded, in the order the metrics are configured; null in a
    /// summary written before metrics were summarised, which is then not held to metric baselines.
    /// </summary>
    public IReadOnlyList<MetricAggregate>? Metrics { get; init; }

    /// <summary>The aggregate of the metric named <paramref name="name"/>, if this summary has one.</summary>
    public MetricAggregate? Metric(string name) => Metrics?.FirstOrDefault(m => m.Name == name);
}

/// <summary>One metric's mean normalised score over the <paramref name="Questions"/> questions it graded.</summary>
public sealed record MetricAggregate(string Name, int Questions, double Mean);
