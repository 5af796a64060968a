using System.Security.Cryptography;
using System.Text;

namespace RegressionGate.Snapshots;

/// <summary>
/// A set of ids kept as its size and the SHA-256 of its members in ordinal order: enough to tell that it changed
/// without listing every question in the summary. Ids never contain a line break (the golden set refuses control
/// characters), so one joins them unambiguously.
/// </summary>
public sealed record IdSet(int Count, string Sha256)
{
    /// <summary>The set of <paramref name="ids"/>, each counted once.</summary>
    public static IdSet Of(IEnumerable<string> ids)
    {
        var sorted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new IdSet(sorted.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sorted)))));
    }

    /// <summary><c>56 → 57</c>, or <c>56 (other ids)</c> when only the members changed.</summary>
    internal string ChangeFrom(IdSet before) => before.Count == Count ? $"{Count} (other ids)" : $"{before.Count} → {Count}";
}
