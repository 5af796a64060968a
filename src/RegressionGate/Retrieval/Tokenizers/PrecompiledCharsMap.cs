using System.Buffers.Binary;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// A SentencePiece model's own character normalisation (<c>NormalizerSpec.precompiled_charsmap</c>): a trie of UTF-8 keys
/// (single characters and short sequences) whose values point into a blob of NUL-terminated replacements.
/// </summary>
/// <remarks>
/// The trainer compiles the map from the rule's name (<c>nmt_nfkc</c>: ICU's NFKC plus the NMT rules, as of the ICU it was
/// built with) or from a user's rule file, and stores it in the model. Applying the map is therefore the only way to
/// reproduce the rule: .NET's NFKC follows another Unicode version and composes across characters the map treats one by
/// one. Layout: <c>&lt;trie size in bytes, uint32 LE&gt;&lt;trie units&gt;&lt;replacements&gt;</c>.
/// </remarks>
internal sealed class PrecompiledCharsMap
{
    /// <summary>SentencePiece's builder refuses maps where more keys share a prefix, and its normalizer looks at no more matches.</summary>
    const int MaxMatches = 32;

    readonly DoubleArrayTrie trie;
    readonly byte[] replacements;

    PrecompiledCharsMap(DoubleArrayTrie trie, byte[] replacements)
    {
        this.trie = trie;
        this.replacements = replacements;
    }

    /// <summary>Reads a map; throws <see cref="InvalidDataException"/> when its header does not fit the blob.</summary>
    public static PrecompiledCharsMap Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length <= sizeof(uint)) throw new InvalidDataException("the normalization map (precompiled_charsmap) is broken: it has no trie");
        var trieSize = BinaryPrimitives.ReadUInt32LittleEndian(blob);
        var rest = blob[sizeof(uint)..];
        if (trieSize > (uint)rest.Length)
            throw new InvalidDataException($"the normalization map (precompiled_charsmap) is broken: its trie of {trieSize} bytes exceeds the {rest.Length} there are");
        return new PrecompiledCharsMap(new DoubleArrayTrie(rest[..(int)trieSize]), rest[(int)trieSize..].ToArray());
    }

    /// <summary>Whether some key starts with <paramref name="prefix"/> (or is it).</summary>
    public bool HasKeyStartingWith(ReadOnlySpan<byte> prefix) => trie.HasKeyStartingWith(prefix);

    /// <summary>
    /// The longest key at the start of <paramref name="utf8"/>: its length in bytes, or 0 when none is there; then
    /// <paramref name="replacement"/> is what it normalises to (possibly nothing: the character is deleted).
    /// </summary>
    public int Match(ReadOnlySpan<byte> utf8, out ReadOnlySpan<byte> replacement) => Match(utf8, MaxMatches, out replacement);

    /// <summary>The shortest key at the start of <paramref name="utf8"/>, as Hugging Face's reading of the map takes it.</summary>
    public int MatchShortest(ReadOnlySpan<byte> utf8, out ReadOnlySpan<byte> replacement) => Match(utf8, 1, out replacement);

    int Match(ReadOnlySpan<byte> utf8, int maxMatches, out ReadOnlySpan<byte> replacement)
    {
        var length = trie.LongestPrefix(utf8, maxMatches, out var offset);
        if (length == 0)
        {
            replacement = default;
            return 0;
        }
        // A value past the blob can only come from a damaged file: it replaces with nothing rather than read outside.
        var tail = (uint)offset < (uint)replacements.Length ? replacements.AsSpan(offset) : default;
        var end = tail.IndexOf((byte)0);
        replacement = end < 0 ? tail : tail[..end];
        return length;
    }
}
