namespace RegressionGate.Retrieval;

/// <summary>
/// Retrieval quality against the segments people marked relevant, with binary relevance: recall@k, reciprocal rank
/// and nDCG@k (linear gain, discount log2(rank + 1), ideal DCG over min(k, |relevant|) relevant segments).
/// </summary>
internal static class RetrievalMetrics
{
    /// <summary>The share of the relevant segments found in the top <paramref name="k"/>; 0 when nothing is relevant.</summary>
    public static double RecallAtK(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        var wanted = Set(relevant);
        if (wanted.Count == 0) return 0;
        return TopK(ranked, k).Count(entry => wanted.Contains(entry.Id)) / (double)wanted.Count;
    }

    /// <summary>1 / the rank of the first relevant segment in the top <paramref name="k"/>, or 0 when none is there.</summary>
    public static double ReciprocalRankAtK(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        var wanted = Set(relevant);
        foreach (var (rank, id) in TopK(ranked, k))
        {
            if (wanted.Contains(id)) return 1.0 / rank;
        }
        return 0;
    }

    /// <summary>DCG of the top <paramref name="k"/> over the DCG of a perfect ranking; 0 when nothing is relevant.</summary>
    public static double NdcgAtK(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        var wanted = Set(relevant);
        if (wanted.Count == 0) return 0;
        double dcg = 0;
        foreach (var (rank, id) in TopK(ranked, k))
        {
            if (wanted.Contains(id)) dcg += Discount(rank);
        }
        double ideal = 0;
        for (var r = 1; r <= Math.Min(k, wanted.Count); r++) ideal += Discount(r);
        return dcg / ideal;
    }

    /// <summary>
    /// Each metric averaged over the questions that have relevant segments; questions without any are not
    /// counted. Null when no question has relevant segments, because then there is nothing to measure.
    /// </summary>
    public static RetrievalQuality? Average(IEnumerable<(IReadOnlyList<string> Ranked, IReadOnlyCollection<string> Relevant)> questions, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int count = 0;
        double recall = 0, mrr = 0, ndcg = 0;
        foreach (var (ranked, relevant) in questions)
        {
            if (relevant.Count == 0) continue;
            count++;
            recall += RecallAtK(ranked, relevant, k);
            mrr += ReciprocalRankAtK(ranked, relevant, k);
            ndcg += NdcgAtK(ranked, relevant, k);
        }
        return count == 0 ? null : new RetrievalQuality(k, count, recall / count, mrr / count, ndcg / count);
    }

    static double Discount(int rank) => 1 / Math.Log2(rank + 1);

    static HashSet<string> Set(IReadOnlyCollection<string> relevant) => new(relevant, StringComparer.Ordinal);

    /// <summary>
    /// The ids of the first <paramref name="k"/> ranks with their rank (1-based), each id only where it first appears:
    /// a repeated id earns nothing twice, yet still takes up its rank, so the ids after it keep their own.
    /// </summary>
    static IEnumerable<(int Rank, string Id)> TopK(IReadOnlyList<string> ranked, int k)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ranked.Take(k).Select((id, index) => (Rank: index + 1, Id: id)).Where(entry => seen.Add(entry.Id));
    }
}

/// <summary>Mean recall@k, MRR@k and nDCG@k over the <see cref="Questions"/> questions that have relevant segments.</summary>
public sealed record RetrievalQuality(int K, int Questions, double Recall, double Mrr, double Ndcg);
