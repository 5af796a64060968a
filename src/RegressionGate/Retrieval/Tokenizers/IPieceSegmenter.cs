namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>Cuts normalized text (spaces already written as ▁) into vocabulary pieces: Unigram or BPE.</summary>
internal interface IPieceSegmenter
{
    /// <summary>
    /// Appends the piece ids of <paramref name="text"/> to <paramref name="ids"/>. A run of characters the vocabulary cannot
    /// cover becomes one unknown id, fused with an unknown id already at the end of <paramref name="ids"/>, as SentencePiece
    /// fuses them; under byte fallback each of its UTF-8 bytes becomes a byte piece instead.
    /// </summary>
    void Segment(ReadOnlySpan<char> text, List<int> ids);
}
