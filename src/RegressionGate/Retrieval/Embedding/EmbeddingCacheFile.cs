using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
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
        var header = new byte[HeaderSize];
        if (HeaderProblem(stream, header, model, maxTokens, dimensions, out var count) is { } problem) return (null, problem);

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
        if (!hash.GetHashAndReset().AsSpan().SequenceEqual(stored)) return (null, ChecksumProblem);
        return (new Contents(Keys(keyBytes, count), vectors), null);
    }

    const string ChecksumProblem = "its checksum does not match its contents";

    static TextKey[] Keys(ReadOnlySpan<byte> bytes, int count)
    {
        var keys = new TextKey[count];
        for (var i = 0; i < count; i++) keys[i] = TextKey.Read(bytes.Slice(i * TextKey.Size, TextKey.Size));
        return keys;
    }

    /// <summary>
    /// Reads the header from <paramref name="stream"/> into <paramref name="header"/> and says what is wrong with it, or
    /// with the file's length, for a file meant for <paramref name="model"/> at <paramref name="maxTokens"/>; null when
    /// the file may be read on, with <paramref name="count"/> entries.
    /// </summary>
    static string? HeaderProblem(FileStream stream, byte[] header, byte[] model, int maxTokens, int dimensions, out int count)
    {
        count = 0;
        // Vectors are read straight into floats, which assumes the machine's order is the file's.
        if (!BitConverter.IsLittleEndian) return "this machine is big-endian; the cache is little-endian";
        var length = stream.Length;
        if (length < HeaderSize + SHA256.HashSizeInBytes) return $"it is truncated ({length} bytes, shorter than a header)";
        stream.ReadExactly(header);
        if (!header.AsSpan(0, 8).SequenceEqual(Magic)) return "it is not an embedding cache file (wrong magic bytes)";
        var version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (version != Version) return $"it has format version {version}, not {Version}";
        var fileDimensions = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        var fileMaxTokens = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16));
        count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(20));
        if (fileDimensions <= 0 || count < 0) return "its header is corrupt";
        var expected = HeaderSize + (long)count * (TextKey.Size + 4L * fileDimensions) + SHA256.HashSizeInBytes;
        if (length != expected) return $"it is truncated or damaged ({length} bytes where its header announces {expected})";
        if (!header.AsSpan(24, 32).SequenceEqual(model) || fileMaxTokens != maxTokens || fileDimensions != dimensions)
            return "it was written for another model, maxTokens or dimension count";
        return null;
    }

    /// <summary>
    /// A valid file mapped read-only: its keys read out, its vectors left where the operating system maps them, for an
    /// index to search in place. Disposing it unmaps the file, after which <see cref="Vectors"/> must not be touched.
    /// </summary>
    public sealed class Mapped : IDisposable
    {
        readonly MemoryMappedFile file;
        readonly MemoryMappedViewAccessor view;
        int disposed;

        internal Mapped(MemoryMappedFile file, MemoryMappedViewAccessor view, TextKey[] keys, VectorBlock vectors)
        {
            (this.file, this.view, Keys, Vectors) = (file, view, keys, vectors);
        }

        public TextKey[] Keys { get; }
        public VectorBlock Vectors { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file.Dispose();
        }
    }

    /// <summary>
    /// As <see cref="Read"/>, but maps the file instead of copying it into memory: a warm run touches the vectors only
    /// where the page cache already holds them, where reading 150 MB into fresh memory costs the better part of a second.
    /// The whole file is still checked (checksum included) before anything in it is used.
    /// </summary>
    public static unsafe (Mapped? Contents, string? Problem) Map(string path, byte[] model, int maxTokens, int dimensions)
    {
        if (!File.Exists(path)) return (null, null);
        MemoryMappedFile? file = null;
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            // Delete sharing: the next run (or this one, when it writes the file) may rename a new file over it meanwhile.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1);
            var header = new byte[HeaderSize];
            string? problem;
            int count;
            long length;
            try
            {
                problem = HeaderProblem(stream, header, model, maxTokens, dimensions, out count);
                length = stream.Length;
                if (problem is null) file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            }
            finally
            {
                if (file is null) stream.Dispose();
            }
            if (problem is not null) return (null, problem);
            view = file!.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            acquired = true;
            start += view.PointerOffset;

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var checkedLength = length - SHA256.HashSizeInBytes;
            for (long at = 0; at < checkedLength; at += 1 << 30)
                hash.AppendData(new ReadOnlySpan<byte>(start + at, (int)Math.Min(1 << 30, checkedLength - at)));
            if (!hash.GetHashAndReset().AsSpan().SequenceEqual(new ReadOnlySpan<byte>(start + checkedLength, SHA256.HashSizeInBytes)))
                problem = ChecksumProblem;
            if (problem is not null) return (null, problem);

            var keys = Keys(new ReadOnlySpan<byte>(start + HeaderSize, count * TextKey.Size), count);
            var vectors = new VectorBlock((float*)(start + HeaderSize + (long)count * TextKey.Size), dimensions, count);
            var mapped = new Mapped(file, view, keys, vectors);
            (file, view, acquired) = (null, null, false);
            return (mapped, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"it cannot be read ({e.Message})");
        }
        finally
        {
            if (acquired) view!.SafeMemoryMappedViewHandle.ReleasePointer();
            view?.Dispose();
            file?.Dispose();
        }
    }

    /// <summary>
    /// Writes the entries atomically (temp file and rename: a reader sees the old file or the new one), streaming them so
    /// the file is never held in memory whole. <paramref name="writeVectors"/> must hand every key's vector, in key order,
    /// to the writer it is given, as raw little-endian float32 bytes in pieces of any size.
    /// </summary>
    /// <param name="beforeReplace">Runs once the new file is complete, before it replaces the old one: where the old file
    /// is mapped, the place to unmap it (Windows cannot replace a mapped file).</param>
    public static void Write(string path, byte[] model, int maxTokens, int dimensions, IReadOnlyList<TextKey> keys,
        Action<Action<ReadOnlySpan<byte>>> writeVectors, Action? beforeReplace = null)
    {
        AtomicFile.Write(path, beforeReplace: beforeReplace, write: stream =>
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
