namespace RegressionGate.Retrieval;

/// <summary>
/// Weighted reciprocal-rank fusion (Cormack et al., 2009): a segment's fused score is Σ wᵢ / (rrfK + rankᵢ) over the
/// rankings it appears in; segments missing from a ranking get nothing from it.
/// </summary>
internal static class ReciprocalRankFusion
{
    /// <summary>The top <paramref name="k"/> by fused score, ties by id ascending, ranked from 1.</summary>
    public static IReadOnlyList<RankedSegment> Fuse(IReadOnlyList<(IReadOnlyList<RankedSegment> Ranking, double Weight)> rankings, int rrfK, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rrfK);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var fused = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (ranking, weight) in rankings)
        {
            foreach (var entry in ranking)
                fused[entry.Id] = fused.GetValueOrDefault(entry.Id) + weight / (rrfK + entry.Rank);
        }
        return fused
            .OrderByDescending(f => f.Value)
            .ThenBy(f => f.Key, SegmentIdComparer.Instance)
            .Take(k)
            .Select((f, index) => new RankedSegment(index + 1, f.Key, f.Value))
            .ToList();
    }
}
