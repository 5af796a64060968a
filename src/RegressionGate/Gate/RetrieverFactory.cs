using RegressionGate.Golden;
using RegressionGate.Retrieval;

namespace RegressionGate.Gate;

/// <summary>Builds the retriever <c>gate.json</c> asks for.</summary>
public static class RetrieverFactory
{
    public static IRetriever Create(GoldenSet golden, IProgress<int>? progress, CancellationToken cancellationToken) =>
        golden.Settings.Retriever.Kind switch
        {
            RetrieverKinds.Dense => DenseRetriever.Create(golden, progress, cancellationToken),
            RetrieverKinds.RunFile => new RunFileRetriever(golden),
            var kind => throw new GoldenSetException(GoldenSet.SettingsFile, null, "retriever.kind",
                $"'{kind}' retrieval is not available in this version; use {RetrieverKinds.Dense} or {RetrieverKinds.RunFile}"),
        };
}
