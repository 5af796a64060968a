using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// Vectors embedded for one cache file and not yet written into it, appended in checksummed chunks, each flushed to disk
/// before the run goes on. A run that is killed leaves its journal behind, and the next run adopts the journal's intact
/// chunks instead of embedding those texts again.
/// </summary>
/// <remarks>
/// <code>
/// offset  size  field
/// 0       8     magic "RGJOURNL"
/// 8       4     format version (1)
/// 12      4     dimensions
/// 16      4     maxTokens
/// 20      32    model identity (SHA-256 bytes)
/// 52      …     chunks, each:
///                 4              entry count n (≥ 1)
///                 32 n           SHA-256 of each entry's prefixed text (UTF-8)
///                 4 n dimensions float32 vectors, entry by entry
///                 32             SHA-256 of the chunk's bytes before it
/// </code>
/// A chunk is used only whole and with a matching checksum. Reading stops at the first chunk that is not (a process killed
/// mid-write leaves a short last chunk; after a damaged count nothing further can be located), keeps every chunk before it,
/// and says so: its texts are simply embedded again. A journal whose header is wrong is not used at all.
/// Each process writes its own journal, named with a GUID and held under an exclusive lock while the process lives, so a
/// journal that can be locked belongs to a run that ended without writing the cache file.
/// </remarks>
internal sealed class EmbeddingJournal : IDisposable
{
    /// <summary>
    /// Texts embedded and journaled at a time: what a killed run loses at most (about 16 s of work at 512 tokens on two
    /// cores), against one flush to disk per chunk and the embedder sorting by length within a chunk only.
    /// </summary>
    public const int ChunkTexts = 256;

    public const int Version = 1;
    const string Extension = ".journal";
    const int HeaderSize = 52;
    static ReadOnlySpan<byte> Magic => "RGJOURNL"u8;

    readonly FileStream stream;
    readonly int vectorBytes;

    EmbeddingJournal(string path, FileStream stream, int dimensions)
    {
        Path = path;
        this.stream = stream;
        vectorBytes = dimensions * sizeof(float);
    }

    public string Path { get; }

    /// <summary>Starts this process's journal for <paramref name="cacheFile"/>, creating the cache directory if need be.</summary>
    /// <exception cref="IOException">The directory or file cannot be created or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static EmbeddingJournal Create(string cacheFile, byte[] model, int maxTokens, int dimensions)
    {
        var directory = System.IO.Path.GetDirectoryName(cacheFile)!;
        Directory.CreateDirectory(directory);
        for (var attempt = 1; ; attempt++)
        {
            var path = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(cacheFile)}.{Guid.NewGuid():N}{Extension}");
            FileStream stream;
            try
            {
                // No buffer: every chunk is one write, and vectors are read back by position.
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException) when (attempt < 3)
            {
                // Between creating the file and locking it, another run looking for leftovers may have locked it first.
                continue;
            }
            return Start(path, stream, model, maxTokens, dimensions);
        }
    }

    static EmbeddingJournal Start(string path, FileStream stream, byte[] model, int maxTokens, int dimensions)
    {
        try
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            Magic.CopyTo(header);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
            BinaryPrimitives.WriteInt32LittleEndian(header[12..], dimensions);
            BinaryPrimitives.WriteInt32LittleEndian(header[16..], maxTokens);
            model.CopyTo(header[20..]);
            stream.Write(header);
            stream.Flush(flushToDisk: true);
            return new EmbeddingJournal(path, stream, dimensions);
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Appends one chunk and flushes it to disk; returns where its first vector starts. Each vector must have the
    /// journal's dimensions.
    /// </summary>
    public long Append(IReadOnlyList<TextKey> keys, IReadOnlyList<float[]> vectors)
    {
        var count = keys.Count;
        var size = 4 + count * (TextKey.Size + vectorBytes) + SHA256.HashSizeInBytes;
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var chunk = rented.AsSpan(0, size);
            BinaryPrimitives.WriteInt32LittleEndian(chunk, count);
            for (var i = 0; i < count; i++) keys[i].Write(chunk[(4 + i * TextKey.Size)..]);
            var vectorsStart = 4 + count * TextKey.Size;
            for (var i = 0; i < count; i++) MemoryMarshal.AsBytes(vectors[i].AsSpan()).CopyTo(chunk[(vectorsStart + i * vectorBytes)..]);
            SHA256.HashData(chunk[..^SHA256.HashSizeInBytes], chunk[^SHA256.HashSizeInBytes..]);
            var start = stream.Length;
            stream.Position = start;
            stream.Write(chunk);
            stream.Flush(flushToDisk: true);
            return start + vectorsStart;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads <paramref name="destination"/>.Length bytes of vectors starting at <paramref name="offset"/>.</summary>
    public void Read(long offset, Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            var read = RandomAccess.Read(stream.SafeFileHandle, destination, offset);
            if (read == 0) throw new EndOfStreamException($"embedding journal '{Path}' ended early");
            destination = destination[read..];
            offset += read;
        }
    }

    /// <summary>Closes the journal and removes it: its vectors are in the cache file now.</summary>
    public void Delete()
    {
        stream.Dispose();
        File.Delete(Path);
    }

    /// <summary>Closes the journal and leaves it on disk (the cache file was not written: the next run adopts it).</summary>
    public void Dispose() => stream.Dispose();

    /// <summary>A journal left by an earlier run, now held by this one: its intact entries and where their vectors are.</summary>
    public sealed record Adopted(EmbeddingJournal Journal, IReadOnlyList<(TextKey Key, long Offset)> Entries);

    /// <summary>
    /// Locks every journal of <paramref name="cacheFile"/> that no running process holds and reads its intact chunks.
    /// Problems are reported through <paramref name="warn"/>; a journal with nothing usable is deleted at once.
    /// </summary>
    public static List<Adopted> AdoptLeftovers(string cacheFile, byte[] model, int maxTokens, int dimensions, Action<string> warn)
    {
        var adopted = new List<Adopted>();
        var directory = System.IO.Path.GetDirectoryName(cacheFile)!;
        string[] paths;
        try
        {
            paths = Directory.Exists(directory) ? Directory.GetFiles(directory, $".{System.IO.Path.GetFileName(cacheFile)}.*{Extension}") : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return adopted; // a directory that cannot be listed has no leftovers this run can use
        }
        foreach (var path in paths)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, bufferSize: 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // a running process holds it (or it just went away)
            }
            var journal = new EmbeddingJournal(path, stream, dimensions);
            var (entries, problem) = journal.ReadIntactChunks(model, maxTokens, dimensions);
            if (problem is not null)
            {
                warn(entries.Count == 0
                    ? $"embedding journal '{path}' is not used: {problem}"
                    : $"embedding journal '{path}' is used only in part: {problem}; the {entries.Count} vectors before it are kept, the rest is embedded again");
            }
            if (entries.Count > 0)
            {
                adopted.Add(new Adopted(journal, entries));
                continue;
            }
            try
            {
                journal.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a run that can delete it; it holds nothing.
            }
        }
        return adopted;
    }

    /// <summary>The entries of every whole chunk with a matching checksum, up to the first that is not, and what was wrong.</summary>
    internal (List<(TextKey Key, long Offset)> Entries, string? Problem) ReadIntactChunks(byte[] model, int maxTokens, int dimensions)
    {
        var entries = new List<(TextKey, long)>();
        var length = stream.Length;
        if (length == 0) return (entries, null); // killed before its header: it never held anything
        if (length < HeaderSize) return (entries, $"it is truncated ({length} bytes, shorter than its header)");
        var header = new byte[HeaderSize];
        Read(0, header);
        if (!header.AsSpan(0, 8).SequenceEqual(Magic)) return (entries, "it is not an embedding journal (wrong magic bytes)");
        var version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (version != Version) return (entries, $"it has format version {version}, not {Version}");
        if (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12)) != dimensions
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16)) != maxTokens
            || !header.AsSpan(20, 32).SequenceEqual(model))
            return (entries, "it was written for another model, maxTokens or dimension count");

        var entrySize = TextKey.Size + (long)vectorBytes;
        var position = (long)HeaderSize;
        var buffer = Array.Empty<byte>();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> countBytes = stackalloc byte[4];
        while (position < length)
        {
            var left = length - position;
            if (left < 4) return (entries, $"its chunk at byte {position} is incomplete");
            Read(position, countBytes);
            var count = BinaryPrimitives.ReadInt32LittleEndian(countBytes);
            if (count <= 0 || count > (left - 4 - SHA256.HashSizeInBytes) / entrySize)
                return (entries, count <= 0 ? $"its chunk at byte {position} is damaged (entry count {count})" : $"its chunk at byte {position} is incomplete");
            var size = (int)(4 + count * entrySize + SHA256.HashSizeInBytes);
            if (buffer.Length < size) buffer = new byte[size];
            var chunk = buffer.AsSpan(0, size);
            Read(position, chunk);
            SHA256.HashData(chunk[..^SHA256.HashSizeInBytes], hash);
            if (!hash.SequenceEqual(chunk[^SHA256.HashSizeInBytes..])) return (entries, $"its chunk at byte {position} fails its checksum");
            var vectorsStart = position + 4 + count * TextKey.Size;
            for (var i = 0; i < count; i++) entries.Add((TextKey.Read(chunk[(4 + i * TextKey.Size)..]), vectorsStart + i * (long)vectorBytes));
            position += size;
        }
        return (entries, null);
    }
}
