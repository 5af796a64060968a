using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>The aggregates of a whole gate run, the baseline the next run must not fall below. Either part is null when not measured.</summary>
public sealed record SummarySnapshot(RetrievalQuality? Retrieval, JudgeAggregates? Judge);
