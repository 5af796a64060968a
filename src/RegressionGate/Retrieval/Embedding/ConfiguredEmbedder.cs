using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>Loads the embedding model the settings name, as bad input on <c>retriever.model</c> when it can't be loaded.</summary>
internal static class ConfiguredEmbedder
{
    /// <param name="goldenDirectory">Where relative model directories are taken from.</param>
    /// <param name="model">The bundled model's name or a directory.</param>
    /// <param name="maxTokens">Where texts are cut, special tokens included (<c>retriever.maxTokens</c>).</param>
    public static OnnxEmbedder Load(string goldenDirectory, string model, int maxTokens)
    {
        try
        {
            return OnnxEmbedder.Load(EmbeddingModelSource.Resolve(model, goldenDirectory), maxTokens);
        }
        catch (EmbeddingModelException e)
        {
            throw new InputFileException(GoldenSet.SettingsFile, null, "retriever.model", e.Message);
        }
    }

    /// <summary>
    /// As <see cref="Load"/>, except that when <paramref name="cache"/> already holds vectors of this model at this
    /// <c>maxTokens</c>, the ONNX session is only started once a text is not cached: a warm run never starts it.
    /// </summary>
    public static ITextEmbedder LoadWhenNeeded(string goldenDirectory, string model, int maxTokens, EmbeddingCache? cache)
    {
        ModelIdentity identity;
        try
        {
            identity = EmbeddingModelSource.Resolve(model, goldenDirectory).Identity;
        }
        catch (EmbeddingModelException e)
        {
            throw new InputFileException(GoldenSet.SettingsFile, null, "retriever.model", e.Message);
        }
        return cache?.KnownDimensions(identity, maxTokens) is { } dimensions
            ? new DeferredEmbedder(identity, maxTokens, dimensions, () => Load(goldenDirectory, model, maxTokens))
            : Load(goldenDirectory, model, maxTokens);
    }
}
