using RegressionGate.Files;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// The cached vectors of one model at one <c>maxTokens</c>, loaded once from its file and shared by every
/// <see cref="CachingEmbedder"/> of the same <see cref="EmbeddingCache"/>, then written back when the last of them is
/// disposed and something new was embedded.
/// </summary>
/// <remarks>
/// Vectors embedded in this process are appended to a scratch journal beside the cache file rather than kept in memory
/// (the retriever's index already holds them once), and copied from it into the new file.
/// What is written: every entry used in this process, plus the entries it did not use as long as the file would not hold
/// more than twice as many entries as were used — so occasional other texts (an <c>ask</c>, last run's questions) survive
/// while edited segments cannot pile up forever.
/// </remarks>
internal sealed class EmbeddingStore
{
    const string JournalSuffix = ".journal" + AtomicFile.TempSuffix;

    readonly Lock gate = new();
    readonly byte[] model;
    readonly TextKey[] loadedKeys;
    readonly float[] loadedVectors;
    readonly bool[] loadedUsed;
    readonly List<TextKey> addedKeys = [];
    readonly Dictionary<TextKey, int> slots; // slot < loaded count: the block; beyond: the journal's entry slot − loaded count
    readonly int vectorBytes;
    FileStream? journal;
    int users;
    bool dirty;

    EmbeddingStore(string path, byte[] model, int maxTokens, int dimensions, EmbeddingCacheFile.Contents? contents, bool rebuild)
    {
        Path = path;
        this.model = model;
        MaxTokens = maxTokens;
        Dimensions = dimensions;
        vectorBytes = dimensions * sizeof(float);
        loadedKeys = contents?.Keys ?? [];
        loadedVectors = contents?.Vectors ?? [];
        loadedUsed = new bool[loadedKeys.Length];
        slots = new Dictionary<TextKey, int>(loadedKeys.Length);
        for (var i = 0; i < loadedKeys.Length; i++) slots.TryAdd(loadedKeys[i], i);
        dirty = rebuild;
    }

    public string Path { get; }
    public int MaxTokens { get; }
    public int Dimensions { get; }

    /// <summary>Loads the file at <paramref name="path"/>; an unusable one is reported through <paramref name="warn"/> and rebuilt.</summary>
    public static EmbeddingStore Open(string path, ModelIdentity model, int maxTokens, int dimensions, Action<string> warn)
    {
        var hash = Convert.FromHexString(model.Sha256);
        var (contents, problem) = EmbeddingCacheFile.Read(path, hash, maxTokens, dimensions);
        if (problem is not null) warn($"embedding cache '{path}' is not used: {problem}; it will be rebuilt");
        return new EmbeddingStore(path, hash, maxTokens, dimensions, contents, rebuild: problem is not null);
    }

    /// <summary>One more embedder reads and writes through this store.</summary>
    public void Acquire()
    {
        lock (gate) users++;
    }

    /// <summary>
    /// One embedder is done; when it was the last, the file is written if anything changed and the journal closed.
    /// Returns true when the store is finished with (the cache then forgets it and reloads the file next time).
    /// </summary>
    public bool Release()
    {
        lock (gate)
        {
            if (--users > 0) return false;
            try
            {
                Flush();
            }
            finally
            {
                journal?.Dispose();
                journal = null;
            }
            return true;
        }
    }

    /// <summary>Copies the cached vector of <paramref name="key"/> into a new array, or returns null.</summary>
    public float[]? TryGet(TextKey key)
    {
        lock (gate)
        {
            if (!slots.TryGetValue(key, out var slot)) return null;
            if (slot < loadedKeys.Length)
            {
                loadedUsed[slot] = true;
                return loadedVectors.AsSpan(slot * Dimensions, Dimensions).ToArray();
            }
            var vector = new float[Dimensions];
            var end = journal!.Position;
            journal.Position = (long)(slot - loadedKeys.Length) * vectorBytes;
            journal.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
            journal.Position = end;
            return vector;
        }
    }

    /// <summary>Remembers <paramref name="vector"/> under <paramref name="key"/> (a key already present is left alone).</summary>
    public void Add(TextKey key, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions) throw new ArgumentException($"vector has {vector.Length} dimensions, the cache {Dimensions}", nameof(vector));
        lock (gate)
        {
            if (!slots.TryAdd(key, loadedKeys.Length + addedKeys.Count)) return;
            journal ??= OpenJournal();
            journal.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector));
            addedKeys.Add(key);
            dirty = true;
        }
    }

    FileStream OpenJournal()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var name = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}{JournalSuffix}");
        return new FileStream(name, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    /// <summary>Writes the file when something changed since it was loaded or last written.</summary>
    void Flush()
    {
        if (!dirty) return;
        var usedCount = loadedUsed.Count(u => u) + addedKeys.Count;
        var keepUnused = loadedKeys.Length + addedKeys.Count <= 2 * Math.Max(usedCount, 1);
        var loaded = Enumerable.Range(0, loadedKeys.Length).Where(i => loadedUsed[i] || keepUnused).ToList();
        EmbeddingCacheFile.Write(Path, model, MaxTokens, Dimensions, [.. loaded.Select(i => loadedKeys[i]), .. addedKeys], put =>
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(loadedVectors.AsSpan());
            foreach (var i in loaded) put(bytes.Slice(i * vectorBytes, vectorBytes));
            if (journal is null) return;
            var end = journal.Position;
            journal.Position = 0;
            var buffer = new byte[1 << 20];
            for (var left = (long)addedKeys.Count * vectorBytes; left > 0;)
            {
                var read = journal.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0) throw new EndOfStreamException("the embedding journal ended early");
                put(buffer.AsSpan(0, read));
                left -= read;
            }
            journal.Position = end;
        });
        dirty = false;
    }
}
