using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>One segment whose place changed between two rankings: moved (both ranks), entered (no old rank) or dropped out (no new rank).</summary>
internal readonly record struct RankMove(string Id, int? OldRank, int? NewRank)
{
    /// <summary>A sentence for a failure message: <c>segment 3027 fell from rank 1 to 7</c>.</summary>
    public string Describe() => (OldRank, NewRank) switch
    {
        (null, { } now) => $"segment {Id} entered at rank {now}",
        ({ } was, null) => $"segment {Id} dropped out (was rank {was})",
        ({ } was, { } now) when now > was => $"segment {Id} fell from rank {was} to {now}",
        ({ } was, { } now) => $"segment {Id} rose from rank {was} to {now}",
        _ => $"segment {Id}",
    };

    /// <summary>A short form for approval listings: <c>3027 rank 1 → 7</c>.</summary>
    public string Brief() => (OldRank, NewRank) switch
    {
        (null, { } now) => $"{Id} entered at rank {now}",
        ({ } was, null) => $"{Id} dropped out (was rank {was})",
        ({ } was, { } now) => $"{Id} rank {was} → {now}",
        _ => Id,
    };

    /// <summary>
    /// Every segment whose rank differs between <paramref name="before"/> and <paramref name="after"/>: those that
    /// were ranked before in their old order, then newcomers in their new order.
    /// </summary>
    public static IReadOnlyList<RankMove> Between(IReadOnlyList<RankedSegment> before, IReadOnlyList<RankedSegment> after)
    {
        var newRanks = FirstRanks(after);
        var oldRanks = FirstRanks(before);
        var moves = new List<RankMove>();
        foreach (var (id, was) in oldRanks.OrderBy(p => p.Value))
        {
            int? now = newRanks.TryGetValue(id, out var rank) ? rank : null;
            if (now != was) moves.Add(new RankMove(id, was, now));
        }
        foreach (var (id, now) in newRanks.OrderBy(p => p.Value))
        {
            if (!oldRanks.ContainsKey(id)) moves.Add(new RankMove(id, null, now));
        }
        return moves;
    }

    static Dictionary<string, int> FirstRanks(IReadOnlyList<RankedSegment> ranking)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in ranking) ranks.TryAdd(segment.Id, segment.Rank);
        return ranks;
    }
}
