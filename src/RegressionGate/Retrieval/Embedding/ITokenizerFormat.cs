using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>One way a model can ship its tokenizer (BERT's <c>vocab.txt</c>, a SentencePiece model…), recognised by its files.</summary>
internal interface ITokenizerFormat
{
    /// <summary>For messages, e.g. "BERT WordPiece".</summary>
    string Name { get; }

    /// <summary>The files this format reads, in the order they enter the model's identity.</summary>
    IReadOnlyList<string> Files { get; }

    bool IsPresentIn(IModelFiles model);

    ITokenizer Load(IModelFiles model);
}
