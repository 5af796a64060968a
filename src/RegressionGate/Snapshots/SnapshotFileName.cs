using System.Security.Cryptography;
using System.Text;

namespace RegressionGate.Snapshots;

/// <summary>
/// Turns a question id into a file name that is safe and distinct on Linux, macOS and Windows. The rule:
/// ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c> stay as they are; every other character becomes
/// <c>~XX</c> per UTF-8 byte (upper-case hex), <c>~</c> itself included, so different ids never share a name;
/// a leading or trailing <c>.</c> is escaped too (hidden files, <c>..</c>, Windows dropping trailing dots), as is
/// the first letter of a Windows device name (<c>CON</c>, <c>NUL</c>, <c>COM1</c>…). A name longer than
/// <see cref="MaxLength"/> keeps its beginning and ends in <c>~~</c> plus 16 hex digits of the id's SHA-256.
/// Ids differing only in letter case would stay distinct here but collide on case-insensitive file systems, so the
/// golden set refuses them when it is read.
/// </summary>
internal static class SnapshotFileName
{
    public const int MaxLength = 120;

    static readonly HashSet<string> DeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })],
        StringComparer.OrdinalIgnoreCase);

    public static string For(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var units = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(id);
        var stem = id.Split('.')[0];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var keep = b < 0x80 && (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.');
            if (b == '.' && (i == 0 || i == bytes.Length - 1)) keep = false;
            if (i == 0 && DeviceNames.Contains(stem)) keep = false;
            units.Add(keep ? ((char)b).ToString() : $"~{b:X2}");
        }
        var name = string.Concat(units);
        if (name.Length <= MaxLength) return name;

        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16];
        var prefix = new StringBuilder();
        foreach (var unit in units)
        {
            if (prefix.Length + unit.Length > MaxLength - 18) break;
            prefix.Append(unit);
        }
        return $"{prefix}~~{hash}";
    }
}
