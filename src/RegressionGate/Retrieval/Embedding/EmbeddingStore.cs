namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// The cached vectors of one model at one <c>maxTokens</c>, loaded once from its file and shared by every
/// <see cref="CachingEmbedder"/> of the same <see cref="EmbeddingCache"/>, then written back when something new was embedded.
/// </summary>
/// <remarks>
/// What is written: every entry used in this process, plus the entries it did not use as long as the file would not hold
/// more than twice as many entries as were used — so occasional other texts (an <c>ask</c>, last run's questions) survive
/// while edited segments cannot pile up forever.
/// </remarks>
internal sealed class EmbeddingStore
{
    readonly Lock gate = new();
    readonly byte[] model;
    // Entries loaded from the file live in one block; entries added since, each in its own array (no block to regrow).
    readonly TextKey[] loadedKeys;
    readonly float[] loadedVectors;
    readonly bool[] loadedUsed;
    readonly List<TextKey> addedKeys = [];
    readonly List<float[]> addedVectors = [];
    readonly Dictionary<TextKey, int> slots; // slot < loaded count: the block; beyond: added[slot − loaded count]
    bool dirty;

    EmbeddingStore(string path, byte[] model, int maxTokens, int dimensions, EmbeddingCacheFile.Contents? contents, bool rebuild)
    {
        Path = path;
        this.model = model;
        MaxTokens = maxTokens;
        Dimensions = dimensions;
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

    /// <summary>Copies the cached vector of <paramref name="key"/> into a new array, or returns null.</summary>
    public float[]? TryGet(TextKey key)
    {
        lock (gate)
        {
            if (!slots.TryGetValue(key, out var slot)) return null;
            if (slot >= loadedKeys.Length) return (float[])addedVectors[slot - loadedKeys.Length].Clone();
            loadedUsed[slot] = true;
            return loadedVectors.AsSpan(slot * Dimensions, Dimensions).ToArray();
        }
    }

    /// <summary>Remembers a copy of <paramref name="vector"/> under <paramref name="key"/> (a key already present is left alone).</summary>
    public void Add(TextKey key, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions) throw new ArgumentException($"vector has {vector.Length} dimensions, the cache {Dimensions}", nameof(vector));
        lock (gate)
        {
            if (!slots.TryAdd(key, loadedKeys.Length + addedKeys.Count)) return;
            addedKeys.Add(key);
            addedVectors.Add(vector.ToArray());
            dirty = true;
        }
    }

    /// <summary>Writes the file when something changed since it was loaded or last written; returns whether it wrote.</summary>
    public bool Flush()
    {
        lock (gate)
        {
            if (!dirty) return false;
            var usedCount = loadedUsed.Count(u => u) + addedKeys.Count;
            var keepUnused = loadedKeys.Length + addedKeys.Count <= 2 * Math.Max(usedCount, 1);
            var loaded = Enumerable.Range(0, loadedKeys.Length).Where(i => loadedUsed[i] || keepUnused).ToList();
            var keys = loaded.Select(i => loadedKeys[i]).Concat(addedKeys).ToList();
            EmbeddingCacheFile.Write(Path, model, MaxTokens, Dimensions, keys, i => i < loaded.Count
                ? loadedVectors.AsMemory(loaded[i] * Dimensions, Dimensions)
                : addedVectors[i - loaded.Count]);
            dirty = false;
            return true;
        }
    }
}
