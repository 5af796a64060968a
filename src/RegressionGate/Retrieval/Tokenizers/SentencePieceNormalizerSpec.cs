namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// <c>NormalizerSpec</c>: the rule's name, the compiled character map that is the rule, and the whitespace settings, with
/// SentencePiece's defaults.
/// </summary>
public sealed record SentencePieceNormalizerSpec
{
    /// <summary>The rule's name (e.g. <c>nmt_nfkc</c>): a label only; <see cref="PrecompiledCharsMap"/> is what is applied.</summary>
    public string Name { get; init; } = "nmt_nfkc";
    /// <summary>The compiled rule (<c>precompiled_charsmap</c>); empty for <c>identity</c>, and then nothing is mapped.</summary>
    public byte[] PrecompiledCharsMap { get; init; } = [];
    public bool AddDummyPrefix { get; init; } = true;
    public bool RemoveExtraWhitespaces { get; init; } = true;
    public bool EscapeWhitespaces { get; init; } = true;
}
