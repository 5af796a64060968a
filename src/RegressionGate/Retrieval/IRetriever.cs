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
}
