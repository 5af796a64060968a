namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// <c>NormalizerSpec</c>: the compiled character map that is the rule, and the whitespace settings, with SentencePiece's
/// defaults. The rule's name (<c>nmt_nfkc</c>…) is not read: SentencePiece encodes with the map, whatever the name says.
/// </summary>
internal sealed record SentencePieceNormalizerSpec
{
    /// <summary>The compiled rule (<c>precompiled_charsmap</c>); empty for <c>identity</c>, and then nothing is mapped.</summary>
    public byte[] PrecompiledCharsMap { get; init; } = [];
    public bool AddDummyPrefix { get; init; } = true;
    public bool RemoveExtraWhitespaces { get; init; } = true;
    public bool EscapeWhitespaces { get; init; } = true;
}
