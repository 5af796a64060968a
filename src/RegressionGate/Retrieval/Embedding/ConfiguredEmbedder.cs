using RegressionGate.Golden;
using RegressionGate.Files;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>Loads the embedding model a golden set's settings name, as bad input on <c>retriever.model</c> when it can't be loaded.</summary>
public static class ConfiguredEmbedder
{
    /// <param name="model">The bundled model's name or a directory, relative paths taken from the golden directory.</param>
    public static OnnxEmbedder Load(GoldenSet golden, string model)
    {
        try
        {
            return OnnxEmbedder.Load(EmbeddingModelSource.Resolve(model, golden.Directory), golden.Settings.Retriever.MaxTokens);
        }
        catch (EmbeddingModelException e)
        {
            throw new InputFileException(GoldenSet.SettingsFile, null, "retriever.model", e.Message);
        }
    }
}
