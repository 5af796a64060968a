using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>One ONNX session of the bundled all-MiniLM-L6-v2 (512 tokens) shared by the tests that need the real model.</summary>
public sealed class BundledModelFixture : IDisposable
{
    internal OnnxEmbedder Embedder { get; } = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, maxTokens: 512);

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BundledModelCollection : ICollectionFixture<BundledModelFixture>
{
    public const string Name = "bundled model";
}
