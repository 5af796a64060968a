using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RegressionGate.Files;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// The binary file behind one model's embedding cache: little-endian, read straight into one float array, checked end to end.
/// </summary>
/// <remarks>
/// <code>
/// offset  size           field
/// 0       8              magic "RGEMBEDS"
/// 8       4              format version (1)
/// 12      4              dimensions
/// 16      4              maxTokens
/// 20      4              entry count n
/// 24      32             model identity (SHA-256 bytes)
/// 56      32 n           SHA-256 of each entry's prefixed text (UTF-8)
/// 56+32n  4 n dimensions float32 vectors, entry by entry
/// end−32  32             SHA-256 of every byte before it
/// </code>
/// A file whose magic, version, header, length or checksum is wrong, or that was written for another model, is refused
/// with the reason, never partly used.
/// </remarks>
internal static class EmbeddingCacheFile
{
    public const int Version = 1;
    const int HeaderSize = 56;
    static ReadOnlySpan<byte> Magic => "RGEMBEDS"u8;

    /// <summary>What a valid file holds: keys in entry order and their vectors back to back.</summary>
    public sealed record Contents(TextKey[] Keys, float[] Vectors);

    /// <summary>What a file's header says it was written for: model identity (SHA-256 bytes), maxTokens, dimensions.</summary>
    public sealed record Header(byte[] Model, int MaxTokens, int Dimensions);

    /// <summary>The header of the file at <paramref name="path"/>, or why there is none; the rest is checked by <see cref="Read"/>.</summary>
    public static (Header? Header, string? Problem) ReadHeader(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var header = new byte[HeaderSize];
            if (stream.Length < HeaderSize + SHA256.HashSizeInBytes) return (null, $"it is truncated ({stream.Length} bytes, shorter than a header)");
            stream.ReadExactly(header);
            if (!header.AsSpan(0, 8).SequenceEqual(Magic)) return (null, "it is not an embedding cache file (wrong magic bytes)");
            return (new Header(header[24..56], BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12))), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"it cannot be read ({e.Message})");
        }
    }

    /// <summary>Reads the file, or returns why it cannot be used (null contents). A missing file is simply empty.</summary>
    public static (Contents? Contents, string? Problem) Read(string path, byte[] model, int maxTokens, int dimensions)
    {
        if (!File.Exists(path)) return (null, null);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return ReadFrom(stream, model, maxTokens, dimensions);
        }
        catch (IOException e)
        {
            return (null, $"it cannot be read ({e.Message})");
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, $"it cannot be read ({e.Message})");
        }
    }

    /// <summary>
    /// The dimension count a file written for <paramref name="model"/> at <paramref name="maxTokens"/> declares, from its
    /// header alone; null when there is no such file (or its header says otherwise). The contents are checked when read.
    /// </summary>
    public static int? Dimensions(string path, byte[] model, int maxTokens)
    {
        try
        {
            if (!File.Exists(path)) return null;
            Span<byte> header = stackalloc byte[HeaderSize];
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize) return null;
            var dimensions = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
            return header[..8].SequenceEqual(Magic) && BinaryPrimitives.ReadInt32LittleEndian(header[8..]) == Version
                && BinaryPrimitives.ReadInt32LittleEndian(header[16..]) == maxTokens && header.Slice(24, 32).SequenceEqual(model) && dimensions > 0
                ? dimensions
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static (Contents?, string?) ReadFrom(FileStream stream, byte[] model, int maxTokens, int dimensions)
    {
        // Vectors are read straight into floats, which assumes the machine's order is the file's.
        if (!BitConverter.IsLittleEndian) return (null, "this machine is big-endian; the cache is little-endian");
        var length = stream.Length;
        if (length < HeaderSize + SHA256.HashSizeInBytes) return (null, $"it is truncated ({length} bytes, shorter than a header)");
        var header = new byte[HeaderSize];
        stream.ReadExactly(header);
        if (!header.AsSpan(0, 8).SequenceEqual(Magic)) return (null, "it is not an embedding cache file (wrong magic bytes)");
        var version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (version != Version) return (null, $"it has format version {version}, not {Version}");
        var fileDimensions = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        var fileMaxTokens = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16));
        var count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(20));
        if (fileDimensions <= 0 || count < 0) return (null, "its header is corrupt");
        var expected = HeaderSize + (long)count * (TextKey.Size + 4L * fileDimensions) + SHA256.HashSizeInBytes;
        if (length != expected) return (null, $"it is truncated or damaged ({length} bytes where its header announces {expected})");
        if (!header.AsSpan(24, 32).SequenceEqual(model) || fileMaxTokens != maxTokens || fileDimensions != dimensions)
            return (null, "it was written for another model, maxTokens or dimension count");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header);
        var keyBytes = new byte[count * TextKey.Size];
        stream.ReadExactly(keyBytes);
        hash.AppendData(keyBytes);
        var vectors = new float[(long)count * dimensions];
        var vectorBytes = MemoryMarshal.AsBytes(vectors.AsSpan());
        stream.ReadExactly(vectorBytes);
        hash.AppendData(vectorBytes);
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        stream.ReadExactly(stored);
        if (!hash.GetHashAndReset().AsSpan().SequenceEqual(stored)) return (null, "its checksum does not match its contents");

        var keys = new TextKey[count];
        for (var i = 0; i < count; i++) keys[i] = TextKey.Read(keyBytes.AsSpan(i * TextKey.Size));
        return (new Contents(keys, vectors), null);
    }

    /// <summary>
    /// Writes the entries atomically (temp file and rename: a reader sees the old file or the new one), streaming them so
    /// the file is never held in memory whole. <paramref name="writeVectors"/> must hand every key's vector, in key order,
    /// to the writer it is given, as raw little-endian float32 bytes in pieces of any size.
    /// </summary>
    public static void Write(string path, byte[] model, int maxTokens, int dimensions, IReadOnlyList<TextKey> keys,
        Action<Action<ReadOnlySpan<byte>>> writeVectors)
    {
        AtomicFile.Write(path, stream =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var written = 0L;
            void Put(ReadOnlySpan<byte> bytes)
            {
                hash.AppendData(bytes);
                stream.Write(bytes);
                written += bytes.Length;
            }

            Span<byte> header = stackalloc byte[HeaderSize];
            Magic.CopyTo(header);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
            BinaryPrimitives.WriteInt32LittleEndian(header[12..], dimensions);
            BinaryPrimitives.WriteInt32LittleEndian(header[16..], maxTokens);
            BinaryPrimitives.WriteInt32LittleEndian(header[20..], keys.Count);
            model.CopyTo(header[24..]);
            Put(header);
            Span<byte> key = stackalloc byte[TextKey.Size];
            foreach (var k in keys)
            {
                k.Write(key);
                Put(key);
            }
            writeVectors(Put);
            var expected = HeaderSize + (long)keys.Count * (TextKey.Size + 4L * dimensions);
            if (written != expected) throw new InvalidOperationException($"{written} bytes of entries written where {expected} were due");
            stream.Write(hash.GetHashAndReset());
        });
    }
}
