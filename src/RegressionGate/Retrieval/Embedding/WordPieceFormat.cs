using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>BERT uncased WordPiece: a <c>vocab.txt</c> beside the model.</summary>
internal sealed class WordPieceFormat : ITokenizerFormat
{
    public static WordPieceFormat Instance { get; } = new();

    public string Name => "BERT WordPiece";

    public IReadOnlyList<string> Files { get; } = [WordPieceTokenizer.FileName];

    public bool IsPresentIn(IModelFiles model) => model.Contains(WordPieceTokenizer.FileName);

    public ITokenizer Load(IModelFiles model)
    {
        using var stream = model.Open(WordPieceTokenizer.FileName);
        try
        {
            return WordPieceTokenizer.Load(stream, $"{model.Location}/{WordPieceTokenizer.FileName}");
        }
        catch (InvalidDataException e)
        {
            throw new EmbeddingModelException(e.Message, e);
        }
    }
}
