using System.Globalization;
using System.Text;
using static RegressionGate.Tests.Retrieval.Tokenizers.BundledVocabulary;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>Properties over many seeded random texts: nothing the reader can see is lost, and word boundaries hold.</summary>
public class WordPieceTokenizerPropertyTests
{
    [Fact]
    public void Every_visible_character_is_accounted_for_by_some_token()
    {
        var generator = new TokenizerTextGenerator(seed: 20240611);
        for (var n = 0; n < 500; n++)
        {
            var text = generator.Next(parts: 40, tricky: true);
            var pieces = Encode(text, maxTokens: 4096).Select(Tokenizer.TokenOf).ToArray();

            Assert.Equal("[CLS]", pieces[0]);
            Assert.Equal("[SEP]", pieces[^1]);
            var body = pieces[1..^1];
            Assert.DoesNotContain("[UNK]", body);
            // Gluing the pieces back (continuations without ##) gives exactly the visible characters, lowercased and without accents.
            Assert.Equal(Visible(text), string.Concat(body.Select(p => p.StartsWith("##", StringComparison.Ordinal) ? p[2..] : p)));
            // And the pieces start exactly as many words as the text has: no two words merged, none split apart.
            Assert.Equal(Words(text), body.Count(p => !p.StartsWith("##", StringComparison.Ordinal)));
        }
    }

    /// <summary>What a reader sees, as uncased BERT spells it: decomposed, accents and invisible characters gone, lowercase, no spaces.</summary>
    static string Visible(string text)
    {
        var visible = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (IsSeparator(c) || IsInvisible(c)) continue;
            visible.Append(char.ToLowerInvariant(c));
        }
        return visible.ToString();
    }

    /// <summary>Words as BERT sees them: runs between whitespace, with every punctuation mark and ASCII symbol a word by itself.</summary>
    static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (IsSeparator(c))
            {
                inWord = false;
            }
            else if (IsInvisible(c))
            {
                // gone without a trace: the word goes on
            }
            else if (char.IsPunctuation(c) || (c < 128 && !char.IsAsciiLetterOrDigit(c)))
            {
                words++;
                inWord = false;
            }
            else if (!inWord)
            {
                words++;
                inWord = true;
            }
        }
        return words;
    }

    static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '\r' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    /// <summary>Checked after <see cref="IsSeparator"/>: tab, newline and carriage return are control characters too.</summary>
    static bool IsInvisible(char c) => c == '\uFFFD' || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark;
}
