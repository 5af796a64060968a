using System.Buffers.Binary;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// A read-only Darts-clone double-array trie over bytes, in the layout SentencePiece stores inside a model's
/// <c>precompiled_charsmap</c>: little-endian 32-bit units, each holding a byte label, a has-leaf flag and the offset to
/// its children, or, in a leaf, a 31-bit value.
/// </summary>
/// <remarks>
/// From the node at position <c>p</c>, the child for byte <c>c</c> sits at <c>p ^ offset(p) ^ c</c> and is real only when
/// its label is <c>c</c>; a key ends at a node that has a leaf, and the leaf (the child for the terminating byte 0) sits at
/// <c>p ^ offset(p)</c>. A leaf's label has its top bit set, so no byte ever walks into one. The units come from a model
/// file, so every position is checked against the array's length: a damaged trie stops matching instead of reading past
/// its end, where the C++ reader trusts the file.
/// </remarks>
internal sealed class DoubleArrayTrie
{
    const uint LeafLabelBit = 1u << 31;

    readonly uint[] units;

    /// <param name="blob">The units; a trailing partial unit is ignored, as SentencePiece sizes the array by whole units.</param>
    public DoubleArrayTrie(ReadOnlySpan<byte> blob)
    {
        units = new uint[blob.Length / sizeof(uint)];
        for (var i = 0; i < units.Length; i++) units[i] = BinaryPrimitives.ReadUInt32LittleEndian(blob.Slice(i * sizeof(uint)));
    }

    /// <summary>
    /// The longest key that is a prefix of <paramref name="key"/>, among the first <paramref name="maxMatches"/> keys that
    /// are (shorter keys are met first): its length in bytes, or 0 when no key is a prefix; <paramref name="value"/> is
    /// the value stored with it.
    /// </summary>
    /// <remarks>
    /// Darts-clone's <c>commonPrefixSearch</c> counts every match but stores only as many as the caller has room for, and
    /// SentencePiece picks the longest of those it stored; stopping at <paramref name="maxMatches"/> gives the same answer.
    /// A byte 0 inside <paramref name="key"/> is an ordinary label here, as it is when SentencePiece passes the length.
    /// </remarks>
    public int LongestPrefix(ReadOnlySpan<byte> key, int maxMatches, out int value)
    {
        value = 0;
        if (units.Length == 0) return 0;
        var longest = 0;
        var matches = 0;
        var position = Offset(units[0]);
        for (var i = 0; i < key.Length && matches < maxMatches; i++)
        {
            position ^= key[i];
            if (position >= (uint)units.Length) break;
            var unit = units[position];
            if (Label(unit) != key[i]) break;
            position ^= Offset(unit);
            if (!HasLeaf(unit)) continue;
            if (position >= (uint)units.Length) break;
            longest = i + 1;
            value = (int)(units[position] & ~LeafLabelBit);
            matches++;
        }
        return longest;
    }

    /// <summary>Whether some key starts with <paramref name="prefix"/> (or is it).</summary>
    public bool HasKeyStartingWith(ReadOnlySpan<byte> prefix)
    {
        if (units.Length == 0) return false;
        var position = Offset(units[0]);
        foreach (var b in prefix)
        {
            position ^= b;
            if (position >= (uint)units.Length || Label(units[position]) != b) return false;
            position ^= Offset(units[position]);
        }
        return true;
    }

    static uint Label(uint unit) => unit & (LeafLabelBit | 0xFF);

    static bool HasLeaf(uint unit) => ((unit >> 8) & 1) == 1;

    // Bit 9 says the offset was stored shifted right by 8 bits, to fit large offsets into 22 bits.
    static uint Offset(uint unit) => (unit >> 10) << (int)((unit & (1u << 9)) >> 6);
}
