namespace RegressionGate.Tests.Support;

/// <summary>
/// One embedding cache for the tests that run the whole sample set with the real model: entries are keyed by model and
/// text, so sharing them changes no result and spares each test embedding the same corpus again.
/// </summary>
public sealed class SampleEmbeddings : IDisposable
{
    public const string Collection = "sample set with the real model";

    public TempDirectory Cache { get; } = new();

    public void Dispose() => Cache.Dispose();
}

/// <summary>The classes that share <see cref="SampleEmbeddings"/>; xUnit runs them one after another.</summary>
[CollectionDefinition(SampleEmbeddings.Collection)]
public sealed class SampleEmbeddingsCollection : ICollectionFixture<SampleEmbeddings>;
