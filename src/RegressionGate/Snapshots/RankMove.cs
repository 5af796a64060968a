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
}
