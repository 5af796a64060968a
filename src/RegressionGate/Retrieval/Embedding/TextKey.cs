using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>The SHA-256 of a text's UTF-8 bytes, as four 64-bit words: the embedding cache's key for one (prefixed) text.</summary>
internal readonly record struct TextKey(ulong A, ulong B, ulong C, ulong D)
{
    public const int Size = 32;

    public static TextKey Of(string text) => Of("", text);

    /// <summary>The key of <paramref name="prefix"/> + <paramref name="text"/>, without building that string.</summary>
    public static TextKey Of(string prefix, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(prefix.Length + text.Length);
        var rented = length > 4096 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[length];
            var written = Encoding.UTF8.GetBytes(prefix, buffer);
            written += Encoding.UTF8.GetBytes(text, buffer[written..]);
            Span<byte> hash = stackalloc byte[Size];
            SHA256.HashData(buffer[..written], hash);
            return Read(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The keys of <paramref name="prefix"/> + each of <paramref name="texts"/>, hashed on every core.</summary>
    public static TextKey[] Of(string prefix, IReadOnlyList<string> texts)
    {
        var keys = new TextKey[texts.Count];
        Parallel.For(0, keys.Length, i => keys[i] = Of(prefix, texts[i]));
        return keys;
    }

    public static TextKey Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, A);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], B);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], C);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], D);
    }
}
