using RegressionGate.Golden;

namespace RegressionGate.Retrieval;

/// <summary>Ranks corpus segments for a question. Implementations are built once per run, then asked per question.</summary>
public interface IRetriever : IDisposable
{
    RetrieverIdentity Identity { get; }

    /// <summary>The top <paramref name="k"/> segments, best first, ties by score descending then id ascending.</summary>
    IReadOnlyList<RankedSegment> Retrieve(GoldenQuestion question, int k);
}
