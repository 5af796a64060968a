namespace RegressionGate.Retrieval.Embedding;

/// <summary>The tokenizer formats a model may ship, most specific first; the first whose files are present is used.</summary>
public static class TokenizerFormats
{
    // SentencePiece formats for multilingual (XLM-R based) E5 models belong before WordPiece.
    public static IReadOnlyList<ITokenizerFormat> Known { get; } = [WordPieceFormat.Instance];

    public static ITokenizerFormat Detect(IModelFiles model, IReadOnlyList<ITokenizerFormat>? formats = null)
    {
        formats ??= Known;
        return formats.FirstOrDefault(f => f.IsPresentIn(model))
            ?? throw new EmbeddingModelException(
                $"model '{model.Location}' has no tokenizer: expected {string.Join(" or ", formats.Select(f => $"{string.Join(" + ", f.Files)} ({f.Name})"))}");
    }
}
