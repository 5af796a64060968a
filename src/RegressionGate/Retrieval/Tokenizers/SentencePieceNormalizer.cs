using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// SentencePiece's normalizer: the Unicode rule, then whitespace as its <c>NormalizerSpec</c> says — leading and trailing
/// spaces dropped and runs collapsed, a dummy ▁ in front, every space written as ▁ (U+2581).
/// </summary>
internal sealed class SentencePieceNormalizer
{
    public const char SpaceSymbol = '\u2581';

    readonly UnicodeRule rule;
    readonly SentencePieceNormalizerSpec spec;
    readonly bool whitespaceAsSuffix;

    public SentencePieceNormalizer(SentencePieceNormalizerSpec spec, bool whitespaceAsSuffix, string source)
    {
        rule = UnicodeRules.FromName(spec.Name)
            ?? throw new InvalidDataException(
                $"{source}: normalizer '{spec.Name}' is a custom rule this gate cannot reproduce; supported: identity, nfkc, nmt_nfkc, nfkc_cf, nmt_nfkc_cf");
        this.spec = spec;
        this.whitespaceAsSuffix = whitespaceAsSuffix;
    }

    public string Normalize(string text)
    {
        var normalized = UnicodeRules.Apply(text, rule);
        var span = normalized.AsSpan();
        if (spec.RemoveExtraWhitespaces) span = span.Trim(' ');
        if (span.IsEmpty) return "";

        var space = spec.EscapeWhitespaces ? SpaceSymbol : ' ';
        var builder = new StringBuilder(span.Length + 2);
        if (spec.AddDummyPrefix && !whitespaceAsSuffix) builder.Append(space);
        var previousWasSpace = false;
        foreach (var c in span)
        {
            if (c == ' ')
            {
                if (previousWasSpace && spec.RemoveExtraWhitespaces) continue;
                builder.Append(space);
                previousWasSpace = true;
            }
            else
            {
                builder.Append(c);
                previousWasSpace = false;
            }
        }
        if (spec.AddDummyPrefix && whitespaceAsSuffix) builder.Append(space);
        return builder.ToString();
    }
}
