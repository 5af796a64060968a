using System.Globalization;
using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>How BERT's basic tokenizer treats each character: dropped, a separator, a word of its own, or part of a word.</summary>
internal static class BertCharacters
{
    internal enum Kind : byte
    {
        /// <summary>Part of a word.</summary>
        Letter,
        /// <summary>Removed without separating: NUL, U+FFFD, control and format characters, and (after NFD) accents.</summary>
        Dropped,
        /// <summary>Ends the current word.</summary>
        Space,
        /// <summary>A word by itself: punctuation, and CJK ideographs, which BERT spaces out.</summary>
        Isolated,
    }

    static readonly Kind[] Ascii = BuildAsciiTable();

    public static Kind Classify(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x80) return Ascii[value];
        if (value == 0xFFFD) return Kind.Dropped;
        if (IsCjkIdeograph(value)) return Kind.Isolated;
        return Rune.GetUnicodeCategory(rune) switch
        {
            // Python's str.split() also splits on line and paragraph separators.
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => Kind.Space,
            // BERT drops every "C*" category; a surrogate here is an unpaired one.
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => Kind.Dropped,
            // Uncased BERT strips accents: after NFD they are the non-spacing marks.
            UnicodeCategory.NonSpacingMark => Kind.Dropped,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => Kind.Isolated,
            _ => Kind.Letter,
        };
    }

    /// <summary>The CJK Unified Ideographs blocks BERT spaces out (not Hangul, Hiragana or Katakana).</summary>
    public static bool IsCjkIdeograph(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    static Kind[] BuildAsciiTable()
    {
        var table = new Kind[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = c switch
            {
                ' ' or '\t' or '\n' or '\r' => Kind.Space,
                // Every other C0 control (including \v and \f) and DEL is a control character to BERT: dropped, not a space.
                < 32 or 127 => Kind.Dropped,
                // BERT counts all non-alphanumeric ASCII as punctuation, symbols like $ + < = > ^ ` | ~ included.
                (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126) => Kind.Isolated,
                _ => Kind.Letter,
            };
        }
        return table;
    }
}
