using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>Applies a <see cref="UnicodeRule"/>.</summary>
internal static class UnicodeRules
{
    const char FullWidthTilde = '\uFF5E';

    /// <summary>The rule a SentencePiece normalizer name stands for, or null for a name this gate cannot reproduce.</summary>
    public static UnicodeRule? FromName(string name) => name switch
    {
        "identity" => UnicodeRule.Identity,
        "nfkc" => UnicodeRule.Nfkc,
        "nmt_nfkc" => UnicodeRule.NmtNfkc,
        "nfkc_cf" => UnicodeRule.NfkcCaseFold,
        "nmt_nfkc_cf" => UnicodeRule.NmtNfkcCaseFold,
        _ => null,
    };

    public static string Apply(string text, UnicodeRule rule)
    {
        if (rule == UnicodeRule.Identity) return text;
        var nmt = rule is UnicodeRule.NmtNfkc or UnicodeRule.NmtNfkcCaseFold;
        if (nmt) text = NmtRules(text);
        text = RepairSurrogates(text);
        text = nmt && text.Contains(FullWidthTilde) ? NfkcKeepingTilde(text) : text.Normalize(NormalizationForm.FormKC);
        return rule is UnicodeRule.NfkcCaseFold or UnicodeRule.NmtNfkcCaseFold ? text.ToLowerInvariant() : text;
    }

    /// <summary>The NMT rules: whitespace-like characters become a space, control characters go.</summary>
    static string NmtRules(string text)
    {
        var index = text.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (index < 0) return text; // printable ASCII: nothing to do
        var builder = new StringBuilder(text.Length);
        builder.Append(text.AsSpan(0, index));
        foreach (var c in text.AsSpan(index))
        {
            switch (c)
            {
                case '\t' or '\n' or '\f' or '\r' or '\u1680' or '\u200B' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
                    or '\u2581' or '\uFEFF' or '\uFFFD':
                    builder.Append(' ');
                    break;
                case (>= '\u0001' and <= '\u0008') or '\u000B' or (>= '\u000E' and <= '\u001F') or '\u007F' or '\u008F' or '\u009F':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    static string NfkcKeepingTilde(string text) =>
        string.Join(FullWidthTilde, text.Split(FullWidthTilde).Select(part => part.Normalize(NormalizationForm.FormKC)));

    /// <summary>Unpaired surrogates cannot be normalized; they become a space, as U+FFFD does under the NMT rules.</summary>
    static string RepairSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            var chars = text.ToCharArray();
            for (var j = i; j < chars.Length; j++)
            {
                if (!char.IsSurrogate(chars[j])) continue;
                if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1])) j++;
                else chars[j] = ' ';
            }
            return new string(chars);
        }
        return text;
    }
}
