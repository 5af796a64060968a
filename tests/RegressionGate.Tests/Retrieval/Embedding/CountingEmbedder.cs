using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>Passes every call to a real embedder and remembers which texts it had to embed, and whether it was disposed.</summary>
internal sealed class CountingEmbedder(ITextEmbedder inner, bool ownsInner = false) : ITextEmbedder
{
    public List<string> Texts { get; } = [];
    public bool Disposed { get; private set; }
    public ModelIdentity Model => inner.Model;
    public int MaxTokens => inner.MaxTokens;
    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        Texts.AddRange(texts);
        return inner.Embed(texts, progress, cancellationToken);
    }

    public void Dispose()
    {
        Disposed = true;
        if (ownsInner) inner.Dispose();
    }
}
