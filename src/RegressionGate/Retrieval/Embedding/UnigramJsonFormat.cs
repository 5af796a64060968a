using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>A Hugging Face <c>tokenizer.json</c> with a Unigram model, carrying its own ids.</summary>
/// <remarks>
/// Checked after the SentencePiece and WordPiece formats, so a BERT directory that ships both <c>vocab.txt</c> and a
/// WordPiece <c>tokenizer.json</c> still uses <c>vocab.txt</c>; a <c>tokenizer.json</c> alone that is not Unigram is refused
/// with its model type when loaded.
/// </remarks>
internal sealed class UnigramJsonFormat : ITokenizerFormat
{
    public static UnigramJsonFormat Instance { get; } = new();

    public string Name => "Hugging Face Unigram tokenizer.json";

    public IReadOnlyList<string> Files { get; } = [UnigramTokenizerJson.FileName];

    public bool IsPresentIn(IModelFiles model) => model.Contains(UnigramTokenizerJson.FileName);

    public ITokenizer Load(IModelFiles model)
    {
        using var stream = model.Open(UnigramTokenizerJson.FileName);
        try
        {
            return UnigramTokenizerJson.Load(stream, $"{model.Location}/{UnigramTokenizerJson.FileName}");
        }
        catch (InvalidDataException e)
        {
            throw new EmbeddingModelException(e.Message, e);
        }
    }
}
