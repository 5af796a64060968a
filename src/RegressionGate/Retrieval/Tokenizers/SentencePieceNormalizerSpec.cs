namespace RegressionGate.Retrieval.Tokenizers;

/// <summary><c>NormalizerSpec</c>: the named rule (e.g. <c>nmt_nfkc</c>) and the whitespace settings, with SentencePiece's defaults.</summary>
internal sealed record SentencePieceNormalizerSpec
{
    public string Name { get; init; } = "nmt_nfkc";
    public bool HasPrecompiledCharsMap { get; init; }
    public bool AddDummyPrefix { get; init; } = true;
    public bool RemoveExtraWhitespaces { get; init; } = true;
    public bool EscapeWhitespaces { get; init; } = true;
}
