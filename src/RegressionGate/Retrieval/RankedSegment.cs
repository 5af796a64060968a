namespace RegressionGate.Retrieval;

/// <summary>One entry of a retrieval result: the segment at <see cref="Rank"/> (1-based) with its score.</summary>
public readonly record struct RankedSegment(int Rank, string Id, double Score);
