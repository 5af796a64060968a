using RegressionGate.Retrieval;

namespace RegressionGate.Reports;

/// <summary>
/// One segment of a question's ranking next to the baseline's: <see cref="Rank"/> is null for a segment that dropped
/// out, <see cref="BaselineRank"/> null for one that entered (or when there is no baseline).
/// </summary>
internal sealed record RankRow(string Id, int? Rank, double? Score, int? BaselineRank, double? BaselineScore)
{
    /// <summary>This run's segments in rank order, then the baseline's segments that are no longer ranked, in their old order.</summary>
    public static IReadOnlyList<RankRow> Compare(IReadOnlyList<RankedSegment> current, IReadOnlyList<RankedSegment>? baseline)
    {
        var before = new Dictionary<string, RankedSegment>(StringComparer.Ordinal);
        foreach (var segment in (baseline ?? []).OrderBy(s => s.Rank)) before.TryAdd(segment.Id, segment);
        var now = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<RankRow>();
        foreach (var segment in current.OrderBy(s => s.Rank))
        {
            if (!now.Add(segment.Id)) continue;
            var was = before.TryGetValue(segment.Id, out var old) ? old : (RankedSegment?)null;
            rows.Add(new RankRow(segment.Id, segment.Rank, segment.Score, was?.Rank, was?.Score));
        }
        rows.AddRange(before.Values.Where(old => !now.Contains(old.Id)).Select(old => new RankRow(old.Id, null, null, old.Rank, old.Score)));
        return rows;
    }

    public bool Dropped => Rank is null;
}
