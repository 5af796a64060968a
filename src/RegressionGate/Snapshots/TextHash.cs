using System.Security.Cryptography;
using System.Text;

namespace RegressionGate.Snapshots;

/// <summary>
/// A short fingerprint of a text (the first 16 hex digits of the SHA-256 of its UTF-8 bytes) that snapshots keep beside
/// a segment or an answer, so a later run can say "segment 1009's text changed" instead of only "the ranking moved".
/// 64 bits tell an edit of the same segment apart with certainty in practice; it is no identity for unrelated texts.
/// </summary>
internal static class TextHash
{
    public const int Length = 16;

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..Length];

    /// <summary>Whether <paramref name="value"/> is written as <see cref="Of"/> writes: 16 lower-case hex digits.</summary>
    public static bool IsWellFormed(string value) => value.Length == Length && value.All(char.IsAsciiHexDigitLower);
}
