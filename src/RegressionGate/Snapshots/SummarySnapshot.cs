using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// The aggregates of a whole gate run, the baseline the next run is held to. Either part is null when not measured;
/// <see cref="Basis"/> is null only in a summary written before summaries recorded what they were measured over.
/// </summary>
public sealed record SummarySnapshot(RetrievalQuality? Retrieval, JudgeAggregates? Judge, SummaryBasis? Basis);
