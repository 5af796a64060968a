namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// The pieces a segmenter may produce, looked up by text without allocating, plus the unknown piece and the byte pieces
/// (<c>&lt;0x00&gt;</c>…<c>&lt;0xFF&gt;</c>) for byte fallback.
/// </summary>
internal sealed class PieceVocabulary
{
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly int[]? bytePieces;

    /// <param name="pieces">Each piece the segmenter may match, with its id; the first of two equal pieces wins.</param>
    /// <param name="bytePieces">Byte pieces by id (their text is <c>&lt;0xHH&gt;</c>), or null without byte fallback.</param>
    public PieceVocabulary(IEnumerable<(string Piece, int Id)> pieces, int unknownId, IEnumerable<(string Piece, int Id)>? bytePieces = null)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (piece, id) in pieces)
        {
            if (map.TryAdd(piece, id)) LongestPiece = Math.Max(LongestPiece, piece.Length);
        }
        lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = map.Count;
        UnknownId = unknownId;
        if (bytePieces is not null)
        {
            this.bytePieces = new int[256];
            Array.Fill(this.bytePieces, -1);
            foreach (var (piece, id) in bytePieces)
            {
                if (piece.Length == 6 && piece.StartsWith("<0x", StringComparison.Ordinal) && piece[5] == '>'
                    && byte.TryParse(piece.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out var value))
                    this.bytePieces[value] = id;
            }
        }
    }

    public int UnknownId { get; }

    /// <summary>How many distinct pieces can be matched.</summary>
    public int Count { get; }

    /// <summary>The longest piece in UTF-16 units: no match is looked for beyond it.</summary>
    public int LongestPiece { get; }

    public bool TryGet(ReadOnlySpan<char> piece, out int id) => lookup.TryGetValue(piece, out id);

    /// <summary>Appends an uncovered span: its UTF-8 bytes as byte pieces under byte fallback, else one (fused) unknown id.</summary>
    public void AppendUnknown(ReadOnlySpan<char> text, List<int> ids)
    {
        if (bytePieces is not null)
        {
            Span<byte> utf8 = stackalloc byte[4];
            foreach (var rune in text.EnumerateRunes())
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length]) AppendFused(bytePieces[b], ids);
            }
            return;
        }
        AppendFused(UnknownId, ids);
    }

    void AppendFused(int id, List<int> ids)
    {
        if (id < 0) id = UnknownId;
        if (id == UnknownId && ids.Count > 0 && ids[^1] == UnknownId) return;
        ids.Add(id);
    }

    /// <summary>The UTF-16 length of the code point starting at <paramref name="index"/>: 2 for a surrogate pair.</summary>
    public static int CharLength(ReadOnlySpan<char> text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    public static int CodePoints(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }
}
