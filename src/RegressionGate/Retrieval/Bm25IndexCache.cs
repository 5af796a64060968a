using System.Buffers.Binary;
using System.IO.Hashing;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using RegressionGate.Files;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace RegressionGate.Retrieval;

/// <summary>
/// BM25 indexes kept in the cache folder between runs, so a warm run opens (memory-maps) the index instead of analyzing
/// the whole corpus again — at 100,000 segments that is the difference between well under a second and half a minute.
/// </summary>
/// <remarks>
/// One folder per key, <c>bm25-{key}</c>, where the key is the SHA-256 of everything the index depends on: this format,
/// Lucene's version, the analyzer, k1 and b, and every segment's id and text in corpus order (the index stores each
/// document's corpus position; see <see cref="KeyOf"/>). An index is built in a temp folder beside it, committed (Lucene syncs its files),
/// described by a manifest, and only then renamed into place, so a reader sees a whole index or none. On opening, the
/// manifest must match, the document count must be the corpus's, and every file must pass Lucene's own checksums;
/// otherwise the folder is reported through the warning callback and rebuilt. Installing an index removes the ones an
/// earlier corpus of the same golden set left. A cache folder that cannot be written is one warning, and the run indexes
/// in memory instead.
/// </remarks>
internal sealed class Bm25IndexCache
{
    const string FolderPrefix = "bm25-";
    const string ManifestName = "regression-gate-bm25.json";

    /// <summary>Changes whenever what is indexed, or how, or the key's recipe changes: older folders then simply stop matching.</summary>
    const int Format = 2;

    /// <summary>A temp folder older than this was left by a run that died while building.</summary>
    static readonly TimeSpan StaleBuild = TimeSpan.FromHours(1);

    readonly Action<string> warn;

    /// <param name="directory">The cache folder (the embedding cache's).</param>
    /// <param name="warn">Receives a damaged index being rebuilt, or a folder that cannot be written.</param>
    public Bm25IndexCache(string directory, Action<string> warn)
    {
        Directory = Path.GetFullPath(directory);
        this.warn = warn;
    }

    public string Directory { get; }

    /// <summary>The folder the index of <paramref name="key"/> lives in.</summary>
    public string FolderFor(string key) => Path.Combine(Directory, FolderPrefix + key);

    /// <summary>An index opened for searching; <see cref="Reused"/> tells whether it came from the cache as it was.</summary>
    public sealed record Opened(LuceneDirectory Directory, DirectoryReader Reader, bool Reused);

    /// <summary>
    /// The cached index of <paramref name="corpus"/> under <paramref name="settings"/> if there is an intact one, else one
    /// <paramref name="build"/> writes into a fresh folder that is then installed. Null when the cache folder cannot be
    /// written (warned): the caller indexes in memory.
    /// </summary>
    /// <param name="golden">The golden set's folder, recorded so that a later corpus of it replaces this index.</param>
    public Opened? OpenOrBuild(IReadOnlyList<(string Id, string Text)> corpus, Bm25Settings settings, string golden, Action<LuceneDirectory> build)
    {
        var key = KeyOf(corpus, settings);
        var folder = FolderFor(key);
        var manifest = new Manifest(Format, key, corpus.Count, Path.GetFullPath(golden));
        if (System.IO.Directory.Exists(folder))
        {
            if (TryOpen(folder, manifest, out var problem) is { } cached) return cached with { Reused = true };
            warn($"BM25 index '{folder}' is not used: {problem}; it will be rebuilt");
        }
        try
        {
            var built = Build(folder, manifest, build);
            RemoveSuperseded(manifest);
            return built;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"BM25 index could not be kept in '{Directory}' ({e.Message}); this run indexes in memory");
            return null;
        }
    }

    /// <summary>
    /// The SHA-256 of the format, Lucene's version, the analyzer, k1 and b, and the XxHash128 of each segment's id and
    /// text in corpus order (each length-prefixed, as UTF-16 code units), as lowercase hex.
    /// </summary>
    /// <remarks>
    /// The corpus goes through a fast non-cryptographic hash: the key only has to notice an edited corpus, and a warm
    /// run over 100,000 segments hashes half a gigabyte of text before it may open the index (SHA-256 took 0.5 s of CPU
    /// for it, XxHash128 a few hundredths). Code units are hashed as this machine holds them; every machine the caches
    /// run on is little-endian (see <see cref="Embedding.EmbeddingCacheFile"/>).
    /// </remarks>
    public static string KeyOf(IReadOnlyList<(string Id, string Text)> corpus, Bm25Settings settings)
    {
        var texts = new XxHash128();
        foreach (var (id, text) in corpus)
        {
            AppendLengthPrefixed(texts, id);
            AppendLengthPrefixed(texts, text);
        }
        var head = string.Create(CultureInfo.InvariantCulture,
            $"format {Format}; lucene {Bm25Analyzers.Version}; analyzer {settings.Analyzer}; k1 {settings.K1:R}; b {settings.B:R}; segments {corpus.Count}; corpus ");
        return Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(head), .. texts.GetCurrentHash()]));
    }

    static void AppendLengthPrefixed(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    /// <summary>What a folder says it holds; an index whose manifest differs from the one asked for is not used.</summary>
    sealed record Manifest(int Format, string Key, int Documents, string Golden);

    static readonly JsonSerializerOptions ManifestJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    static Manifest? ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestName);
        return File.Exists(path) ? JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(path), ManifestJson) : null;
    }

    /// <summary>The index in <paramref name="folder"/> if it is whole and what <paramref name="expected"/> describes; else null and why.</summary>
    static Opened? TryOpen(string folder, Manifest expected, out string problem)
    {
        FSDirectory? directory = null;
        DirectoryReader? reader = null;
        try
        {
            var manifest = ReadManifest(folder);
            problem = manifest is null ? $"its {ManifestName} is missing"
                : manifest with { Golden = expected.Golden } != expected ? $"its {ManifestName} describes another index"
                : "";
            if (problem.Length > 0) return null;
            directory = FSDirectory.Open(folder);
            reader = DirectoryReader.Open(directory);
            if (reader.NumDocs != expected.Documents)
            {
                problem = $"it holds {reader.NumDocs} documents, the corpus {expected.Documents}";
            }
            else
            {
                // Lucene's checksums cover every file of every segment: a flipped or cut byte anywhere is caught here.
                foreach (var leaf in reader.Leaves) leaf.AtomicReader.CheckIntegrity();
                return new Opened(directory, reader, Reused: false);
            }
        }
        // Lucene reports a damaged index in many shapes (CorruptIndexException, EndOfStreamException, a bad manifest's
        // JsonException, index errors from garbage lengths…); every one of them means the same thing here: rebuild it.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = e.Message.ReplaceLineEndings(" ");
        }
        reader?.Dispose();
        directory?.Dispose();
        return null;
    }

    /// <summary>Builds into a temp folder, writes the manifest, renames it over <paramref name="folder"/>, and opens it.</summary>
    Opened Build(string folder, Manifest manifest, Action<LuceneDirectory> build)
    {
        System.IO.Directory.CreateDirectory(Directory);
        RemoveStaleBuilds();
        var temp = Path.Combine(Directory, $".{FolderPrefix}{manifest.Key}.{Guid.NewGuid():N}{AtomicFile.TempSuffix}");
        try
        {
            using (var directory = FSDirectory.Open(temp)) build(directory);
            AtomicFile.WriteAllText(Path.Combine(temp, ManifestName), JsonSerializer.Serialize(manifest, ManifestJson));
            Install(temp, folder);
        }
        finally
        {
            DeleteFolder(temp);
        }
        return TryOpen(folder, manifest, out var problem) ?? throw new IOException($"the BM25 index just written to '{folder}' cannot be read back: {problem}");
    }

    /// <summary>
    /// Renames <paramref name="temp"/> to <paramref name="folder"/>. A damaged index standing there is first renamed aside
    /// (a folder cannot be renamed over another) and deleted after; one another run installed meanwhile is kept instead.
    /// </summary>
    static void Install(string temp, string folder)
    {
        string? aside = null;
        if (System.IO.Directory.Exists(folder))
        {
            aside = Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}{AtomicFile.TempSuffix}");
            System.IO.Directory.Move(folder, aside);
        }
        try
        {
            System.IO.Directory.Move(temp, folder);
        }
        catch (IOException) when (System.IO.Directory.Exists(folder))
        {
            // Another run installed the same key first; its index is as good as ours.
        }
        if (aside is not null) DeleteFolder(aside);
    }

    /// <summary>Deletes the indexes of earlier corpora (or settings) of the same golden set: only the newest is of use.</summary>
    void RemoveSuperseded(Manifest current)
    {
        foreach (var other in System.IO.Directory.EnumerateDirectories(Directory, FolderPrefix + "*"))
        {
            if (Path.GetFileName(other) == FolderPrefix + current.Key) continue;
            try
            {
                if (ReadManifest(other) is { } manifest && manifest.Golden == current.Golden) DeleteFolder(other);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // Not ours to judge: an unreadable folder stays until its own golden set opens (and rebuilds) it.
            }
        }
    }

    /// <summary>Deletes the temp folders of builds that died part way; recent ones may belong to a run still building.</summary>
    void RemoveStaleBuilds()
    {
        foreach (var stale in System.IO.Directory.EnumerateDirectories(Directory, $".{FolderPrefix}*{AtomicFile.TempSuffix}"))
        {
            if (DateTime.UtcNow - System.IO.Directory.GetLastWriteTimeUtc(stale) > StaleBuild) DeleteFolder(stale);
        }
    }

    static void DeleteFolder(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for a later run's clean-up; a temp or set-aside folder is never read as an index.
        }
    }
}
