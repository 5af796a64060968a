using System.Buffers;
using System.Globalization;
using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// The <c>Precompiled</c> normalizer of a Hugging Face <c>tokenizer.json</c>: SentencePiece's character map, applied the way
/// Hugging Face's tokenizers library applies it, which is not SentencePiece's way.
/// </summary>
/// <remarks>
/// It goes grapheme by grapheme (extended grapheme clusters). A grapheme shorter than 6 UTF-8 bytes that starts with any
/// key is replaced whole by the replacement of the shortest such key; any other grapheme is mapped character by
/// character. The reference says as much in a comment ("Yes, this is weird") and checks it against XNLI, so it is kept
/// rather than corrected: a <c>tokenizer.json</c> must give the ids its own library gives. Text stops being matched at a
/// NUL byte there too. An unpaired surrogate, which a Rust string cannot hold, is read as U+FFFD.
/// </remarks>
internal sealed class HuggingFacePrecompiledNormalizer(PrecompiledCharsMap map)
{
    const int WholeGraphemeLimit = 6;

    public string Normalize(string text)
    {
        text = UnicodeNormalization.ReplaceUnpairedSurrogates(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var grapheme = text.AsSpan(i, StringInfo.GetNextTextElementLength(text, i));
            i += grapheme.Length;
            if (Encoding.UTF8.GetByteCount(grapheme) < WholeGraphemeLimit && TryMap(grapheme, builder)) continue;
            for (var c = 0; c < grapheme.Length;)
            {
                Rune.DecodeFromUtf16(grapheme[c..], out _, out var length);
                var character = grapheme.Slice(c, length);
                if (!TryMap(character, builder)) builder.Append(character);
                c += length;
            }
        }
        return builder.ToString();
    }

    /// <summary>Appends the replacement of the shortest key <paramref name="chunk"/> starts with; false when none does.</summary>
    bool TryMap(ReadOnlySpan<char> chunk, StringBuilder builder)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chunk.Length));
        try
        {
            var utf8 = rented.AsSpan(0, Encoding.UTF8.GetBytes(chunk, rented));
            var nul = utf8.IndexOf((byte)0);
            if (nul >= 0) utf8 = utf8[..nul];
            if (map.MatchShortest(utf8, out var replacement) == 0) return false;
            builder.Append(Encoding.UTF8.GetString(replacement));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
