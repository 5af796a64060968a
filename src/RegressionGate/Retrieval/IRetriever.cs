namespace RegressionGate.Retrieval;

/// <summary>
/// Ranks corpus segments for a query. Implementations are built once per run (by their
/// <see cref="RetrieverProvider"/>), then asked per query.
/// </summary>
public interface IRetriever : IDisposable
{
    /// <summary>The kind and every setting that changes the ranking; snapshots compare it.</summary>
    RetrieverIdentity Identity { get; }

    /// <summary>The top <paramref name="k"/> segments, best first, ties by score descending then id ascending.</summary>
    IReadOnlyList<RankedSegment> Retrieve(RetrievalQuery query, int k);

    /// <summary>
    /// The top <paramref name="k"/> segments of each of <paramref name="queries"/>, in their order, each exactly what
    /// <see cref="Retrieve"/> returns for it. By default one query after another; the built-in retrievers answer many at
    /// once (dense in one pass over the vectors, bm25 on every core), which is how a run asks.
    /// </summary>
    IReadOnlyList<IReadOnlyList<RankedSegment>> RetrieveAll(IReadOnlyList<RetrievalQuery> queries, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var rankings = new IReadOnlyList<RankedSegment>[queries.Count];
        for (var i = 0; i < rankings.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rankings[i] = Retrieve(queries[i], k);
        }
        return rankings;
    }
}
