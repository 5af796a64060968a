using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RegressionGate.Sharding;

/// <summary>
/// One slice of work out of <see cref="Count"/>, numbered from 1 as <c>--shard I/N</c> writes it. The partition is
/// stable and needs no coordination: an id belongs to shard <c>(first 8 bytes of SHA-256(UTF-8 id), big-endian) mod N,
/// plus 1</c>, so every runner of a CI matrix agrees on it, adding a question moves no other question, and questions
/// and corpus segments are split by the same rule.
/// </summary>
/// <param name="Index">Which shard, 1 to <see cref="Count"/>.</param>
/// <param name="Count">How many shards the work is split into.</param>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>More shards than this is a typo, not a CI matrix (GitHub allows 256 jobs per matrix).</summary>
    public const int MaxCount = 256;

    /// <summary>The shard <paramref name="id"/> falls in, out of <paramref name="count"/>.</summary>
    public static int IndexOf(string id, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>Whether <paramref name="id"/> (a question's or a segment's) is this shard's to do.</summary>
    public bool Owns(string id) => IndexOf(id, Count) == Index;

    /// <summary>The items of <paramref name="items"/> this shard owns, in their order.</summary>
    public IReadOnlyList<T> Slice<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var shard = this;
        return items.Where(item => shard.Owns(id(item))).ToList();
    }

    /// <summary><c>I/N</c>, as the command line takes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads <c>I/N</c>; null with <paramref name="error"/> saying what is wrong otherwise.</summary>
    public static Shard? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"'{text}' is not I/N (this shard's number, then how many shards), e.g. 2/4";
            return null;
        }
        if (count is < 1 or > MaxCount)
        {
            error = $"'{text}': the number of shards must be between 1 and {MaxCount}";
            return null;
        }
        if (index < 1 || index > count)
        {
            error = $"'{text}': the shard number must be between 1 and {count}";
            return null;
        }
        return new Shard(index, count);
    }
}
