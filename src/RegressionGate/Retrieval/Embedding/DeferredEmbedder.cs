namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// An embedder whose model is loaded on its first call. Starting an ONNX session costs about half a second and a few
/// hundred megabytes for the bundled model (more for larger ones); behind the embedding cache on a warm run every text is
/// cached and the session is never needed. Identity, maxTokens and dimensions are known beforehand (the cache file records
/// the dimensions of the model whose identity it carries).
/// </summary>
internal sealed class DeferredEmbedder(ModelIdentity model, int maxTokens, int dimensions, Func<ITextEmbedder> load) : ITextEmbedder
{
    readonly Lock gate = new();
    ITextEmbedder? loaded;

    public ModelIdentity Model => model;
    public int MaxTokens => maxTokens;
    public int Dimensions => dimensions;

    /// <summary>Whether the model has been loaded: some text was not cached.</summary>
    public bool Loaded => Volatile.Read(ref loaded) is not null;

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Inner().Embed(texts, progress, cancellationToken);

    ITextEmbedder Inner()
    {
        lock (gate)
        {
            if (loaded is not null) return loaded;
            var embedder = load();
            if (embedder.Model != model || embedder.MaxTokens != maxTokens || embedder.Dimensions != dimensions)
            {
                embedder.Dispose();
                throw new EmbeddingModelException(
                    $"the model loaded ({embedder.Model}, {embedder.Dimensions} dimensions) is not the one its cache file describes ({model}, {dimensions} dimensions)");
            }
            return loaded = embedder;
        }
    }

    public void Dispose()
    {
        lock (gate) loaded?.Dispose();
    }
}
