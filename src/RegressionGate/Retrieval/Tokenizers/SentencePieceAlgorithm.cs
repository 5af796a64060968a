namespace RegressionGate.Retrieval.Tokenizers;

/// <summary><c>TrainerSpec.ModelType</c>: how pieces are chosen.</summary>
internal enum SentencePieceAlgorithm
{
    Unigram = 1,
    Bpe = 2,
    Word = 3,
    Char = 4,
}
