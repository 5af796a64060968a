using System.Buffers;
using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// SentencePiece's normalizer, step for step: the model's own character map applied by longest match, then whitespace
/// as its <c>NormalizerSpec</c> says — leading, trailing and repeated spaces dropped, a dummy ▁ in front (or behind), every
/// space written as ▁ (U+2581).
/// </summary>
/// <remarks>
/// The rule's name (<c>nmt_nfkc</c>, <c>nfkc_cf</c>, <c>identity</c>, a user's) is only a label: SentencePiece applies the
/// compiled map the model carries, and a model without one is not normalized at all, whatever its name says. Only a plain
/// space (U+0020) counts as whitespace; the map is what turns tabs, no-break spaces and the like into one. User-defined
/// pieces are matched before the map and kept verbatim. SentencePiece works on UTF-8, so does this: an unpaired surrogate,
/// which has no UTF-8 form, becomes U+FFFD on the way in, which is also what SentencePiece makes of a malformed byte.
/// </remarks>
internal sealed class SentencePieceNormalizer
{
    public const char SpaceSymbol = '\u2581';
    static ReadOnlySpan<byte> SpaceSymbolUtf8 => "\u2581"u8;

    readonly PrecompiledCharsMap? map;
    readonly VerbatimPieces? verbatim;
    readonly SentencePieceNormalizerSpec spec;
    readonly bool whitespaceAsSuffix;
    // Most text is mostly ASCII letters, which stand for themselves; runs of them are copied without asking the trie byte by
    // byte. A byte is plain when no user-defined piece starts with it and no key does (plainAscii), or when the keys it
    // starts (a letter's, to compose it with a combining mark) all go on with a non-ASCII byte, so it is plain before ASCII.
    readonly bool[] plainAscii = new bool[128];
    readonly SearchValues<byte> plainBytes;
    readonly bool spaceIsPlain;

    /// <param name="userDefinedPieces">The model's user-defined pieces, kept as they are.</param>
    /// <param name="source">Names the model file in errors.</param>
    public SentencePieceNormalizer(SentencePieceNormalizerSpec spec, bool whitespaceAsSuffix, IEnumerable<string> userDefinedPieces, string source)
    {
        try
        {
            map = spec.PrecompiledCharsMap.Length > 0 ? PrecompiledCharsMap.Parse(spec.PrecompiledCharsMap) : null;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
        var pieces = userDefinedPieces.ToList();
        verbatim = pieces.Count > 0 ? new VerbatimPieces(pieces) : null;
        this.spec = spec;
        this.whitespaceAsSuffix = whitespaceAsSuffix;
        spaceIsPlain = map?.HasKeyStartingWith(" "u8) != true && verbatim?.HasPieceStartingWith((byte)' ') != true;
        var plain = new List<byte>();
        for (var b = 0; b < plainAscii.Length; b++)
        {
            if (b == ' ' || verbatim?.HasPieceStartingWith((byte)b) == true) continue;
            ReadOnlySpan<byte> single = [(byte)b];
            plainAscii[b] = map?.HasKeyStartingWith(single) != true;
            if (plainAscii[b] || (map!.Match(single, out _) == 0 && !StartsKeyWithAsciiSecondByte(map, (byte)b))) plain.Add((byte)b);
        }
        plainBytes = SearchValues.Create([.. plain]);
    }

    static bool StartsKeyWithAsciiSecondByte(PrecompiledCharsMap map, byte first)
    {
        for (var second = 0; second < 0x80; second++)
        {
            if (map.HasKeyStartingWith([first, (byte)second])) return true;
        }
        return false;
    }

    public string Normalize(string text)
    {
        if (text.Length == 0) return "";
        var input = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var output = new ByteBuffer(text.Length * 3 + 8);
        try
        {
            Normalize(input.AsSpan(0, Encoding.UTF8.GetBytes(text, input)), ref output);
            return Encoding.UTF8.GetString(output.Written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            output.Dispose();
        }
    }

    void Normalize(ReadOnlySpan<byte> input, ref ByteBuffer output)
    {
        var removeExtra = spec.RemoveExtraWhitespaces;
        if (removeExtra)
        {
            // Leading characters that normalise to exactly one space are dropped.
            while (!input.IsEmpty)
            {
                var consumed = NormalizePrefix(input, out var leading);
                if (!leading.SequenceEqual(" "u8)) break;
                input = input[consumed..];
            }
        }
        if (input.IsEmpty) return;

        if (spec.AddDummyPrefix && !whitespaceAsSuffix) AppendSpace(ref output);
        // Starting as if after a space is what drops a replacement's leading spaces right after the dummy prefix.
        var previousWasSpace = removeExtra;
        while (!input.IsEmpty)
        {
            var plain = input.IndexOfAnyExcept(plainBytes);
            if (plain < 0) plain = input.Length;
            // A letter right before a non-ASCII byte may start a key with it (a letter and its combining mark).
            else if (plain > 0 && input[plain] >= 0x80 && !plainAscii[input[plain - 1]]) plain--;
            if (plain > 0)
            {
                output.Append(input[..plain]);
                input = input[plain..];
                previousWasSpace = false;
                continue;
            }
            if (input[0] == (byte)' ' && spaceIsPlain)
            {
                // What the general path below does with a one-space piece.
                if (!previousWasSpace) AppendSpace(ref output);
                previousWasSpace = removeExtra;
                input = input[1..];
                continue;
            }
            var consumed = NormalizePrefix(input, out var piece);
            while (previousWasSpace && !piece.IsEmpty && piece[0] == (byte)' ') piece = piece[1..];
            if (!piece.IsEmpty)
            {
                foreach (var b in piece)
                {
                    if (b == (byte)' ') AppendSpace(ref output);
                    else output.Append(b);
                }
                previousWasSpace = piece[^1] == (byte)' ';
            }
            input = input[consumed..];
            if (!removeExtra) previousWasSpace = false;
        }

        if (removeExtra)
        {
            // Trailing spaces go, whether they came from the text or from a replacement (a ▁ typed into the text too).
            var space = spec.EscapeWhitespaces ? SpaceSymbolUtf8 : " "u8;
            while (output.Written.EndsWith(space)) output.Length -= space.Length;
        }
        if (spec.AddDummyPrefix && whitespaceAsSuffix) AppendSpace(ref output);
    }

    void AppendSpace(ref ByteBuffer output)
    {
        if (spec.EscapeWhitespaces) output.Append(SpaceSymbolUtf8);
        else output.Append((byte)' ');
    }

    /// <summary>What the start of <paramref name="input"/> normalises to, and how many bytes that consumed.</summary>
    int NormalizePrefix(ReadOnlySpan<byte> input, out ReadOnlySpan<byte> normalized)
    {
        var length = verbatim?.Match(input) ?? 0;
        if (length > 0)
        {
            normalized = input[..length];
            return length;
        }
        if (map is not null && (length = map.Match(input, out normalized)) > 0) return length;
        // No rule: the character stays. The input came from Encoding.UTF8, so it is well-formed and the lead byte says how long.
        length = input[0] switch
        {
            < 0x80 => 1,
            < 0xE0 => 2,
            < 0xF0 => 3,
            _ => 4,
        };
        normalized = input[..length];
        return length;
    }

    /// <summary>A growable byte buffer on pooled arrays.</summary>
    struct ByteBuffer(int capacity) : IDisposable
    {
        byte[] array = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; set; }

        public readonly ReadOnlySpan<byte> Written => array.AsSpan(0, Length);

        public void Append(byte value)
        {
            if (Length == array.Length) Grow(1);
            array[Length++] = value;
        }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (Length + bytes.Length > array.Length) Grow(bytes.Length);
            bytes.CopyTo(array.AsSpan(Length));
            Length += bytes.Length;
        }

        void Grow(int needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, Length + needed));
            Written.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(array);
            array = larger;
        }

        public readonly void Dispose() => ArrayPool<byte>.Shared.Return(array);
    }
}
