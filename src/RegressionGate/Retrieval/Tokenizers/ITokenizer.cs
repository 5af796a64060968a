namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>Turns text into the token ids a particular embedding model was trained on.</summary>
internal interface ITokenizer
{
    /// <summary>Ids as the model expects them, special tokens included, truncated to at most <paramref name="maxTokens"/>.</summary>
    int[] Encode(string text, int maxTokens);

    /// <summary>The id used to pad a batch to equal length.</summary>
    int PadId { get; }

    /// <summary>How many ids the tokenizer can produce; must match the model's embedding table.</summary>
    int VocabularySize { get; }
}
