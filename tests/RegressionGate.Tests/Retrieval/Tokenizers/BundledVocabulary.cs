using RegressionGate.Retrieval.Embedding;
using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>The BERT uncased vocabulary of the bundled all-MiniLM-L6-v2, loaded once for all tokenizer tests.</summary>
internal static class BundledVocabulary
{
    static readonly Lazy<WordPieceTokenizer> Loaded = new(() => (WordPieceTokenizer)EmbeddingModelSource.Bundled.LoadTokenizer());

    public static WordPieceTokenizer Tokenizer => Loaded.Value;

    public static int[] Encode(string text, int maxTokens = 512) => Tokenizer.Encode(text, maxTokens);

    public static string Pieces(string text, int maxTokens = 512) => string.Join(' ', Encode(text, maxTokens).Select(Tokenizer.TokenOf));
}
