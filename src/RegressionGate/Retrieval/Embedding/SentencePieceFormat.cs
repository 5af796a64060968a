using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>XLM-RoBERTa's SentencePiece model, <c>sentencepiece.bpe.model</c>, numbered with fairseq's ids (multilingual E5).</summary>
internal sealed class SentencePieceFormat : ITokenizerFormat
{
    public static SentencePieceFormat Instance { get; } = new();

    public string Name => "XLM-RoBERTa SentencePiece";

    public IReadOnlyList<string> Files { get; } = [SentencePieceTokenizer.ModelFileName];

    public bool IsPresentIn(IModelFiles model) => model.Contains(SentencePieceTokenizer.ModelFileName);

    public ITokenizer Load(IModelFiles model)
    {
        using var stream = model.Open(SentencePieceTokenizer.ModelFileName);
        try
        {
            return SentencePieceTokenizer.LoadXlmRoberta(stream, $"{model.Location}/{SentencePieceTokenizer.ModelFileName}");
        }
        catch (InvalidDataException e)
        {
            throw new EmbeddingModelException(e.Message, e);
        }
    }
}
