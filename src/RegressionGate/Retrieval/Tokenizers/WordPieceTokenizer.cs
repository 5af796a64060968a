using System.Buffers;
using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// BERT's uncased WordPiece tokenizer: drops control characters, lowercases, strips accents, splits on whitespace,
/// punctuation and CJK ideographs, then cuts each word greedily into the longest vocabulary pieces ("##" continues a word).
/// </summary>
/// <remarks>
/// Behaves as the reference BERT tokenizer with <c>do_lower_case</c>: <c>iteração</c> → <c>it ##era ##cao</c>, ASCII symbols such as
/// <c>$ + = &lt; &gt; |</c> are tokens of their own, a word of more than <see cref="MaxWordLength"/> characters or with no
/// piece in the vocabulary is one <c>[UNK]</c>. Text that merely looks like a special token (<c>"[SEP]"</c>) is tokenized as
/// text, so a transcript cannot inject one. Lowercasing is per character, so a word-final Greek capital sigma becomes σ where
/// Python would write ς. Immutable and thread-safe; encoding allocates only the returned ids.
/// </remarks>
internal sealed class WordPieceTokenizer : ITokenizer
{
    /// <summary>The vocabulary file of a BERT model directory: one token a line, the id is the line's index.</summary>
    public const string FileName = "vocab.txt";

    /// <summary>Words longer than this (in code points) become a single <c>[UNK]</c>, as in BERT.</summary>
    public const int MaxWordLength = 100;

    const string ContinuationPrefix = "##";
    // A word is kept only while it can still be tokenized: MaxWordLength code points, each at most two UTF-16 units.
    const int WordBufferLength = 2 * MaxWordLength + 2;
    const int StackIdsLimit = 1024;

    readonly string[] tokens;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> wordStarts;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> continuations;
    readonly int longestWordStart;
    readonly int longestContinuation;

    WordPieceTokenizer(string[] tokens, string source)
    {
        this.tokens = tokens;
        var starts = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        var continued = new Dictionary<string, int>(tokens.Length / 4, StringComparer.Ordinal);
        for (var id = 0; id < tokens.Length; id++)
        {
            var token = tokens[id];
            if (token.StartsWith(ContinuationPrefix, StringComparison.Ordinal) && token.Length > ContinuationPrefix.Length)
            {
                var piece = token[ContinuationPrefix.Length..];
                continued[piece] = id; // a repeated line takes the later id, as BERT's vocabulary loader does
                longestContinuation = Math.Max(longestContinuation, piece.Length);
            }
            else if (token.Length > 0)
            {
                starts[token] = id;
                longestWordStart = Math.Max(longestWordStart, token.Length);
            }
        }
        wordStarts = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        continuations = continued.GetAlternateLookup<ReadOnlySpan<char>>();
        PadId = Special(starts, "[PAD]", source);
        UnknownId = Special(starts, "[UNK]", source);
        ClsId = Special(starts, "[CLS]", source);
        SepId = Special(starts, "[SEP]", source);
    }

    /// <summary>Reads a <c>vocab.txt</c> (UTF-8, LF or CRLF); <paramref name="source"/> names it in errors.</summary>
    public static WordPieceTokenizer Load(Stream vocabulary, string source = FileName)
    {
        using var reader = new StreamReader(vocabulary, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lines = new List<string>(32_768);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return new WordPieceTokenizer([.. lines], source);
    }

    public int PadId { get; }
    public int UnknownId { get; }
    public int ClsId { get; }
    public int SepId { get; }
    public int VocabularySize => tokens.Length;

    /// <summary>The vocabulary entry of <paramref name="id"/>, e.g. <c>##cao</c>.</summary>
    public string TokenOf(int id) => tokens[id];

    public int[] Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        int[]? rented = null;
        var ids = maxTokens <= StackIdsLimit ? stackalloc int[maxTokens] : (rented = ArrayPool<int>.Shared.Rent(maxTokens)).AsSpan(0, maxTokens);
        try
        {
            return ids[..Encode(text, ids)].ToArray();
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes <c>[CLS]</c>, the pieces of <paramref name="text"/> and <c>[SEP]</c> into <paramref name="destination"/>,
    /// truncating the pieces so the whole fits; returns how many ids were written.
    /// </summary>
    public int Encode(ReadOnlySpan<char> text, Span<int> destination)
    {
        if (destination.Length < 2) throw new ArgumentException("room for at least [CLS] and [SEP] is needed", nameof(destination));
        char[]? decomposed = null;
        try
        {
            // Accents are stripped as BERT does: decompose (NFD), then drop the non-spacing marks while scanning.
            if (!Ascii.IsValid(text)) text = Decompose(text, out decomposed);
            destination[0] = ClsId;
            var count = Tokenize(text, destination, 1, destination.Length - 1);
            destination[count] = SepId;
            return count + 1;
        }
        finally
        {
            if (decomposed is not null) ArrayPool<char>.Shared.Return(decomposed);
        }
    }

    /// <summary>Appends the pieces of <paramref name="text"/> at <paramref name="count"/> until <paramref name="limit"/>; returns the new count.</summary>
    int Tokenize(ReadOnlySpan<char> text, Span<int> ids, int count, int limit)
    {
        Span<char> word = stackalloc char[WordBufferLength];
        Span<int> pieces = stackalloc int[WordBufferLength];
        var length = 0; // UTF-16 units of the current word in `word`
        var runes = 0;  // its length in code points, which may exceed what `word` holds
        var i = 0;
        while (i < text.Length && count < limit)
        {
            Rune rune;
            var c = text[i];
            if (c < 0x80)
            {
                rune = new Rune(c);
                i++;
            }
            else
            {
                if (Rune.DecodeFromUtf16(text[i..], out rune, out var consumed) != OperationStatus.Done) rune = Rune.ReplacementChar;
                i += consumed;
            }

            switch (BertCharacters.Classify(rune))
            {
                case BertCharacters.Kind.Letter:
                    if (++runes <= MaxWordLength) length += Lower(rune, word[length..]);
                    break;
                case BertCharacters.Kind.Space:
                    count = Flush(word[..length], ref runes, pieces, ids, count, limit);
                    length = 0;
                    break;
                case BertCharacters.Kind.Isolated:
                    count = Flush(word[..length], ref runes, pieces, ids, count, limit);
                    length = 0;
                    if (count < limit)
                    {
                        runes = 1;
                        count = Flush(word[..rune.EncodeToUtf16(word)], ref runes, pieces, ids, count, limit);
                    }
                    break;
                case BertCharacters.Kind.Dropped:
                    break;
            }
        }
        return count < limit ? Flush(word[..length], ref runes, pieces, ids, count, limit) : count;
    }

    static int Lower(Rune rune, Span<char> destination)
    {
        if (rune.IsAscii)
        {
            var c = (char)rune.Value;
            destination[0] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            return 1;
        }
        return Rune.ToLowerInvariant(rune).EncodeToUtf16(destination);
    }

    /// <summary>Appends the pieces of one whole word (if any) and resets the word's length.</summary>
    int Flush(ReadOnlySpan<char> word, ref int runes, Span<int> pieces, Span<int> ids, int count, int limit)
    {
        if (runes == 0) return count;
        var tooLong = runes > MaxWordLength;
        runes = 0;
        if (tooLong)
        {
            ids[count] = UnknownId;
            return count + 1;
        }

        // The whole word is cut before any piece is written: a word with an unmatched remainder is one [UNK].
        var n = 0;
        var start = 0;
        while (start < word.Length)
        {
            var lookup = start == 0 ? wordStarts : continuations;
            var end = Math.Min(word.Length, start + (start == 0 ? longestWordStart : longestContinuation));
            var id = -1;
            while (end > start && !lookup.TryGetValue(word[start..end], out id)) end--;
            if (end == start)
            {
                ids[count] = UnknownId;
                return count + 1;
            }
            pieces[n++] = id;
            start = end;
        }
        var take = Math.Min(n, limit - count);
        pieces[..take].CopyTo(ids[count..]);
        return count + take;
    }

    static ReadOnlySpan<char> Decompose(ReadOnlySpan<char> text, out char[]? buffer)
    {
        buffer = null;
        try
        {
            if (text.IsNormalized(NormalizationForm.FormD)) return text;
            buffer = ArrayPool<char>.Shared.Rent(text.Length * 4 + 16);
            if (!text.TryNormalize(buffer, out var written, NormalizationForm.FormD))
            {
                ArrayPool<char>.Shared.Return(buffer);
                buffer = ArrayPool<char>.Shared.Rent(text.GetNormalizedLength(NormalizationForm.FormD));
                text.TryNormalize(buffer, out written, NormalizationForm.FormD);
            }
            return buffer.AsSpan(0, written);
        }
        catch (ArgumentException)
        {
            // An unpaired surrogate or U+FFFE, which .NET refuses to normalise. BERT's text cleaning drops both (they are
            // "C*" characters), as Classify does after this; UnicodeNormalization only gets them past .NET.
            if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
            buffer = null;
            return UnicodeNormalization.Normalize(text.ToString(), NormalizationForm.FormD);
        }
    }

    static int Special(Dictionary<string, int> vocabulary, string token, string source) =>
        vocabulary.TryGetValue(token, out var id)
            ? id
            : throw new InvalidDataException($"{source}: the vocabulary has no {token} token; it is not a BERT WordPiece vocabulary");
}
