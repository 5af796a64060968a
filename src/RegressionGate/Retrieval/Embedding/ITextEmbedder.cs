namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// Turns texts into unit-length vectors. The seam for decorators such as an on-disk embedding cache, which must key
/// its entries on <see cref="Model"/>, <see cref="MaxTokens"/> and the exact (prefixed) text.
/// </summary>
internal interface ITextEmbedder : IDisposable
{
    ModelIdentity Model { get; }

    /// <summary>Texts are truncated to this many tokens, special tokens included; it changes the vectors.</summary>
    int MaxTokens { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in order. <paramref name="progress"/> receives how many texts are done so far.</summary>
    float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}
