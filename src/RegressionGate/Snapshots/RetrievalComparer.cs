using RegressionGate.Formatting;

namespace RegressionGate.Snapshots;

/// <summary>
/// Fails a question's retrieval when the retriever's identity changed, when rank-biased overlap of the ids falls
/// below <c>tolerances.rboMin</c>, or when a segment ranked in both moved its score more than <c>tolerances.score</c>.
/// </summary>
internal sealed class RetrievalComparer(Tolerances tolerances) : ISnapshotComparer<RetrievalSnapshot>
{
    /// <summary>Slack for binary floating point, far below the 6 decimals snapshots keep.</summary>
    internal const double Epsilon = 1e-9;

    public IReadOnlyList<string> Compare(RetrievalSnapshot verified, RetrievalSnapshot current)
    {
        var messages = new List<string>();
        if (verified.Question != current.Question)
            messages.Add($"question text changed: '{verified.Question}' → '{current.Question}'");
        var identity = current.Retriever.ChangesFrom(verified.Retriever);
        if (identity.Count > 0) messages.Add($"retriever changed: {string.Join("; ", identity)}");

        var rbo = Rbo(verified, current, tolerances.RboP);
        if (rbo < tolerances.RboMin - Epsilon)
        {
            messages.Add($"rank-biased overlap {Display.Score(rbo)} is below the minimum {Display.Setting(tolerances.RboMin)} (p = {Display.Setting(tolerances.RboP)})");
            messages.AddRange(RankMove.Between(verified.Ranking, current.Ranking).Select(move => move.Describe()));
        }

        foreach (var (id, before, after) in SharedScores(verified, current))
        {
            if (Math.Abs(after - before) > tolerances.Score + Epsilon)
                messages.Add($"score of {id} moved {Display.Score(before)} → {Display.Score(after)} (tolerance {Display.Setting(tolerances.Score)})");
        }
        return messages;
    }

    internal static double Rbo(RetrievalSnapshot verified, RetrievalSnapshot current, double p) =>
        RankBiasedOverlap.Extrapolated(Ids(verified), Ids(current), p);

    static List<string> Ids(RetrievalSnapshot snapshot) => snapshot.Ranking.OrderBy(s => s.Rank).Select(s => s.Id).ToList();

    /// <summary>Segments ranked in both, in their verified order, with their verified and current scores.</summary>
    internal static IEnumerable<(string Id, double Before, double After)> SharedScores(RetrievalSnapshot verified, RetrievalSnapshot current)
    {
        var now = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var segment in current.Ranking) now.TryAdd(segment.Id, segment.Score);
        return verified.Ranking
            .Where(segment => now.ContainsKey(segment.Id))
            .Select(segment => (segment.Id, segment.Score, now[segment.Id]));
    }
}
