using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Files;

namespace RegressionGate.Gate;

/// <summary>Builds the retriever <c>gate.json</c> asks for: dense, bm25, hybrid or run-file.</summary>
public static class RetrieverFactory
{
    /// <summary>
    /// The retriever of <c>retriever.kind</c>. Dense and hybrid retrievers embed the corpus through <paramref name="cache"/>
    /// (none when null); <paramref name="progress"/> receives how many segments are embedded or indexed.
    /// </summary>
    public static IRetriever Create(GoldenSet golden, IProgress<int>? progress, CancellationToken cancellationToken, EmbeddingCache? cache)
    {
        var settings = golden.Settings.Retriever;
        switch (settings.Kind)
        {
            case RetrieverKinds.Dense:
                return Dense(golden, progress, cancellationToken, cache);
            case RetrieverKinds.Bm25:
                return Lexical(golden, progress);
            case RetrieverKinds.Hybrid:
                HybridRetriever.Check(settings);
                var dense = Dense(golden, progress, cancellationToken, cache);
                IRetriever lexical;
                try
                {
                    lexical = Lexical(golden, null);
                }
                catch
                {
                    dense.Dispose();
                    throw;
                }
                return new HybridRetriever(settings, dense, lexical);
            case RetrieverKinds.RunFile:
                return new RunFileRetriever(golden);
            default:
                throw new InputFileException(GoldenSet.SettingsFile, null, "retriever.kind",
                    $"'{settings.Kind}' is not one of {string.Join(", ", RetrieverKinds.All)}");
        }
    }

    static DenseRetriever Dense(GoldenSet golden, IProgress<int>? progress, CancellationToken cancellationToken, EmbeddingCache? cache) =>
        DenseRetriever.Create(golden, progress, cancellationToken, cache is null ? null : inner => cache.Wrap(inner));

    static Bm25Retriever Lexical(GoldenSet golden, IProgress<int>? progress)
    {
        var retriever = new Bm25Retriever(golden);
        progress?.Report(retriever.Count);
        return retriever;
    }
}
