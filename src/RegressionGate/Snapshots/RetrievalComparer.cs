using RegressionGate.Formatting;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// Fails a question's retrieval when the retriever's identity changed, when rank-biased overlap of the ids falls
/// below <c>tolerances.rboMin</c>, or when a segment ranked in both moved its score more than <c>tolerances.score</c>.
/// Scores are compared only between rankings of the same retriever kind and model; a cosine and a BM25 score are on
/// different scales, and the message says so instead of reporting their difference.
/// </summary>
/// <param name="relevant">The question's relevant segments, named first and starred (★) in messages.</param>
internal sealed class RetrievalComparer(Tolerances tolerances, IEnumerable<string>? relevant = null) : ISnapshotComparer<RetrievalSnapshot>
{
    /// <summary>Slack for binary floating point, far below the 6 decimals snapshots keep.</summary>
    internal const double Epsilon = 1e-9;

    /// <summary>Score moves beyond tolerance named one by one; more are summarised in one message.</summary>
    const int ListedScores = 3;

    readonly IReadOnlyList<string> relevant = relevant?.ToList() ?? [];

    public IReadOnlyList<string> Compare(RetrievalSnapshot verified, RetrievalSnapshot current)
    {
        var messages = new List<string>();
        if (verified.Question != current.Question)
            messages.Add($"question text changed: '{verified.Question}' → '{current.Question}'");
        if (RetrieverChange(verified.Retriever, current.Retriever) is { } changed) messages.Add(changed);

        var rbo = Rbo(verified, current, tolerances.RboP);
        if (rbo < tolerances.RboMin - Epsilon)
        {
            messages.Add($"rank-biased overlap {Display.Score(rbo)} is below the minimum {Display.Setting(tolerances.RboMin)} (p = {Display.Setting(tolerances.RboP)})");
            messages.AddRange(Change(verified, current).Sentences());
        }

        var shared = SharedScores(verified, current).ToList();
        if (!current.Retriever.ScoresComparableWith(verified.Retriever))
        {
            if (shared.Count > 0) messages.Add(NotComparable(verified.Retriever, current.Retriever));
            return messages;
        }
        var moved = shared.Where(s => Math.Abs(s.After - s.Before) > tolerances.Score + Epsilon).ToList();
        if (moved.Count <= ListedScores)
        {
            messages.AddRange(moved.Select(s => $"score of {s.Id} moved {Display.Score(s.Before)} → {Display.Score(s.After)} (tolerance {Display.Setting(tolerances.Score)})"));
        }
        else
        {
            var most = moved.MaxBy(s => Math.Abs(s.After - s.Before));
            messages.Add($"scores of {moved.Count} segments moved more than the tolerance {Display.Setting(tolerances.Score)}; most {most.Id}: {Display.Score(most.Before)} → {Display.Score(most.After)}");
        }
        return messages;
    }

    /// <summary>The change between the two rankings, this question's relevant segments starred.</summary>
    public RankingChange Change(RetrievalSnapshot verified, RetrievalSnapshot current) =>
        RankingChange.Between(verified.Ranking, current.Ranking, relevant, current.Retriever.K ?? verified.Retriever.K);

    /// <summary>
    /// <c>retriever changed: maxTokens '512' → '256'</c>; a new kind is named alone, because every setting of the old
    /// kind then differs and listing them says nothing more. Null when nothing changed.
    /// </summary>
    public static string? RetrieverChange(RetrieverIdentity before, RetrieverIdentity after)
    {
        var changes = after.ChangesFrom(before);
        if (changes.Count == 0) return null;
        if (before.Kind == after.Kind) return $"retriever changed: {string.Join("; ", changes)}";
        var others = changes.Count - 1;
        return $"retriever changed: kind '{before.Kind}' → '{after.Kind}'" + (others > 0 ? $" ({others} other {(others == 1 ? "setting differs" : "settings differ")})" : "");
    }

    /// <summary>Why two rankings' scores are not compared.</summary>
    public static string NotComparable(RetrieverIdentity before, RetrieverIdentity after) =>
        $"scores not compared: {before.Scorer} and {after.Scorer} score on different scales";

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
