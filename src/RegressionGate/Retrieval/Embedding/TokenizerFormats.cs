namespace RegressionGate.Retrieval.Embedding;

/// <summary>The tokenizer formats a model may ship, most specific first; the first whose files are present is used.</summary>
internal static class TokenizerFormats
{
    /// <summary>
    /// XLM-RoBERTa's SentencePiece model first (multilingual E5 directories also hold a tokenizer.json), then BERT's
    /// vocab.txt, then a Unigram tokenizer.json on its own.
    /// </summary>
    public static IReadOnlyList<ITokenizerFormat> Known { get; } = [SentencePieceFormat.Instance, WordPieceFormat.Instance, UnigramJsonFormat.Instance];

    public static ITokenizerFormat Detect(IModelFiles model, IReadOnlyList<ITokenizerFormat>? formats = null)
    {
        formats ??= Known;
        return formats.FirstOrDefault(f => f.IsPresentIn(model))
            ?? throw new EmbeddingModelException(
                $"model '{model.Location}' has no tokenizer: expected {string.Join(" or ", formats.Select(f => $"{string.Join(" + ", f.Files)} ({f.Name})"))}");
    }
}
