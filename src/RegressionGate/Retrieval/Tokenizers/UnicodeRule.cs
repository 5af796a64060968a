namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// SentencePiece's named normalization rules (<c>NormalizerSpec.name</c>), applied with .NET's Unicode normalization
/// instead of the model's precompiled character map, which for these names encodes the same mapping.
/// </summary>
/// <remarks>
/// <c>nmt_nfkc</c> is NFKC plus the NMT rules: tab, line breaks, zero-width and directional marks, U+2581, BOM and U+FFFD
/// become a plain space, C0/C1 control characters are dropped (as Hugging Face's <c>Nmt</c> normalizer does), and the
/// full-width tilde U+FF5E is left alone. The <c>_cf</c> variants lowercase after NFKC (an approximation of case folding).
/// NFKC over the whole text and SentencePiece's longest-match over its character map agree on ordinary text; they may
/// differ on rare sequences whose composition spans characters the map treats separately.
/// </remarks>
internal enum UnicodeRule
{
    Identity,
    Nfkc,
    NmtNfkc,
    NfkcCaseFold,
    NmtNfkcCaseFold,
}
