using System.Buffers.Binary;
using System.Text;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// Writes a SentencePiece <c>precompiled_charsmap</c> from a few rules (text → replacement), so hand-built test models can
/// carry a normalisation of their own: <c>&lt;trie size&gt;&lt;Darts-clone double array&gt;&lt;NUL-terminated replacements&gt;</c>.
/// </summary>
/// <remarks>
/// A plain double-array layout, not Darts-clone's compact one, but read the same way: the child of the node at <c>p</c> for
/// byte <c>c</c> is at <c>p ^ offset ^ c</c> and carries label <c>c</c>; a key that ends at a node sets its has-leaf bit,
/// and the leaf at <c>p ^ offset</c> holds the replacement's position, with the top bit set as a leaf's label. Each node
/// has a base of its own, as in Darts-clone.
/// </remarks>
public sealed class CharsMapBuilder
{
    readonly SortedDictionary<string, string> rules = new(StringComparer.Ordinal);

    public CharsMapBuilder Add(string key, string replacement)
    {
        rules[key] = replacement;
        return this;
    }

    /// <summary>A tiny authored stand-in for <c>nmt_nfkc</c>: just the characters the hand-worked tests use.</summary>
    public static CharsMapBuilder NmtNfkcSample() => new CharsMapBuilder()
        .Add("\t", " ").Add("\n", " ").Add("\r", " ").Add("\u00A0", " ").Add("\u2028", " ").Add("\u200B", " ").Add("\u3000", " ")
        .Add("\u0001", "")
        .Add("\uFB01", "fi").Add("ｒ", "r").Add("ｅ", "e").Add("ｄ", "d")
        // Two-character keys: a letter and its combining mark compose.
        .Add("c\u0327", "ç").Add("a\u0303", "ã");

    public byte[] ToBytes()
    {
        var replacements = new List<byte>();
        var root = new Node();
        foreach (var (key, replacement) in rules)
        {
            var node = root;
            foreach (var b in Encoding.UTF8.GetBytes(key))
            {
                if (!node.Children.TryGetValue(b, out var child)) node.Children[b] = child = new Node();
                node = child;
            }
            node.Value = replacements.Count;
            replacements.AddRange(Encoding.UTF8.GetBytes(replacement));
            replacements.Add(0);
        }

        var units = new List<uint> { 0 };
        var used = new List<bool> { true };
        var bases = new HashSet<int>();
        var pending = new Queue<(Node Node, int Position)>();
        pending.Enqueue((root, 0));
        while (pending.TryDequeue(out var item))
        {
            var (node, position) = item;
            var labels = node.Children.Keys.Select(b => (int)b).ToList();
            if (node.Value is not null) labels.Add(0);
            if (labels.Count == 0) continue;
            // A base serves one node only: a child is told from another node's child by its label alone, so two nodes
            // sharing a base would each see the other's children.
            var baseAt = 1;
            while (bases.Contains(baseAt) || labels.Any(label => IsUsed(used, baseAt ^ label))) baseAt++;
            bases.Add(baseAt);
            var offset = (uint)(position ^ baseAt);
            if (offset >= 1u << 21) throw new InvalidOperationException("test charsmap too large for unshifted offsets");
            units[position] |= offset << 10;
            if (node.Value is { } value)
            {
                units[position] |= 1u << 8;
                Set(units, used, baseAt, (uint)value | (1u << 31));
            }
            foreach (var (label, child) in node.Children)
            {
                Set(units, used, baseAt ^ label, label);
                pending.Enqueue((child, baseAt ^ label));
            }
        }

        var blob = new byte[4 + units.Count * 4 + replacements.Count];
        BinaryPrimitives.WriteUInt32LittleEndian(blob, (uint)(units.Count * 4));
        for (var i = 0; i < units.Count; i++) BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(4 + i * 4), units[i]);
        replacements.CopyTo(blob, 4 + units.Count * 4);
        return blob;
    }

    static bool IsUsed(List<bool> used, int position) => position < used.Count && used[position];

    static void Set(List<uint> units, List<bool> used, int position, uint unit)
    {
        while (units.Count <= position)
        {
            units.Add(0);
            used.Add(false);
        }
        units[position] = unit;
        used[position] = true;
    }

    sealed class Node
    {
        public SortedDictionary<byte, Node> Children { get; } = [];
        public int? Value { get; set; }
    }
}
