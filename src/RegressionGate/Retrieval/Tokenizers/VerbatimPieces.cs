using System.Text;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// A model's user-defined pieces as SentencePiece's normalizer sees them: at each position the longest one that starts
/// there is taken as it is, before the character map could change it (a user-defined <c>ｘ</c> stays full-width).
/// </summary>
internal sealed class VerbatimPieces
{
    // Candidates by their first byte, longest first, so the first that fits is the longest match.
    readonly byte[][]?[] byFirstByte = new byte[256][][];

    public VerbatimPieces(IEnumerable<string> pieces)
    {
        foreach (var group in pieces.Select(Encoding.UTF8.GetBytes).Where(p => p.Length > 0).GroupBy(p => p[0]))
            byFirstByte[group.Key] = [.. group.OrderByDescending(p => p.Length)];
    }

    /// <summary>Whether some piece starts with the byte <paramref name="first"/>.</summary>
    public bool HasPieceStartingWith(byte first) => byFirstByte[first] is not null;

    /// <summary>The byte length of the longest piece <paramref name="utf8"/> starts with, or 0.</summary>
    public int Match(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty || byFirstByte[utf8[0]] is not { } candidates) return 0;
        foreach (var candidate in candidates)
        {
            if (utf8.StartsWith(candidate)) return candidate.Length;
        }
        return 0;
    }
}
