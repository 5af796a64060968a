using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// <see cref="string.Normalize(NormalizationForm)"/> for any text. .NET refuses two things the reference tokenizers take in
/// their stride: an unpaired surrogate, and U+FFFE (ICU reserves it), which once killed a whole run.
/// </summary>
/// <remarks>
/// An unpaired surrogate becomes U+FFFD, as it does on its way into UTF-8, the form Python and Rust tokenizers hold text in.
/// U+FFFE is kept where it is, as Python's <c>unicodedata</c> and Rust's normalisers keep it: it has no decomposition, never
/// combines and has combining class 0, so normalising the text on either side of it separately gives the same result.
/// </remarks>
internal static class UnicodeNormalization
{
    const char Reserved = '\uFFFE';

    public static string Normalize(string text, NormalizationForm form)
    {
        text = ReplaceUnpairedSurrogates(text);
        if (!text.Contains(Reserved)) return text.Normalize(form);
        return string.Join(Reserved, text.Split(Reserved).Select(part => part.Normalize(form)));
    }

    /// <summary>The text with every unpaired surrogate replaced by U+FFFD; the same instance when there is none.</summary>
    public static string ReplaceUnpairedSurrogates(string text)
    {
        var builder = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            builder ??= new StringBuilder(text);
            builder[i] = '\uFFFD';
        }
        return builder?.ToString() ?? text;
    }
}
