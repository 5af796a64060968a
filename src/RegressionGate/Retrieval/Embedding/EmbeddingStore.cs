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
    readonly Dictionary<TextKey, int> slots;
    readonly List<TextKey> keys;
    readonly List<bool> used;
    float[] vectors;
    bool dirty;

    EmbeddingStore(string path, byte[] model, int maxTokens, int dimensions, EmbeddingCacheFile.Contents? contents, bool rebuild)
    {
        Path = path;
        this.model = model;
        MaxTokens = maxTokens;
        Dimensions = dimensions;
        var count = contents?.Keys.Length ?? 0;
        keys = new List<TextKey>(contents?.Keys ?? []);
        used = [.. Enumerable.Repeat(false, count)];
        vectors = contents?.Vectors ?? [];
        slots = new Dictionary<TextKey, int>(count);
        for (var i = 0; i < count; i++) slots.TryAdd(keys[i], i);
        dirty = rebuild;
    }

    public string Path { get; }
    public int MaxTokens { get; }
    public int Dimensions { get; }

    /// <summary>How many entries the file held when loaded.</summary>
    public int Loaded { get; private init; }

    /// <summary>Loads the file at <paramref name="path"/>; an unusable one is reported through <paramref name="warn"/> and rebuilt.</summary>
    public static EmbeddingStore Open(string path, ModelIdentity model, int maxTokens, int dimensions, Action<string> warn)
    {
        var hash = Convert.FromHexString(model.Sha256);
        var (contents, problem) = EmbeddingCacheFile.Read(path, hash, maxTokens, dimensions);
        if (problem is not null) warn($"embedding cache '{path}' is not used: {problem}; it will be rebuilt");
        return new EmbeddingStore(path, hash, maxTokens, dimensions, contents, rebuild: problem is not null)
        {
            Loaded = contents?.Keys.Length ?? 0,
        };
    }

    /// <summary>Copies the cached vector of <paramref name="key"/> into a new array, or returns null.</summary>
    public float[]? TryGet(TextKey key)
    {
        lock (gate)
        {
            if (!slots.TryGetValue(key, out var slot)) return null;
            used[slot] = true;
            return vectors.AsSpan(slot * Dimensions, Dimensions).ToArray();
        }
    }

    public void Add(TextKey key, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions) throw new ArgumentException($"vector has {vector.Length} dimensions, the cache {Dimensions}", nameof(vector));
        lock (gate)
        {
            if (slots.ContainsKey(key)) return;
            var slot = keys.Count;
            if ((slot + 1) * Dimensions > vectors.Length) Array.Resize(ref vectors, Math.Max((slot + 1) * Dimensions, vectors.Length * 2));
            vector.CopyTo(vectors.AsSpan(slot * Dimensions));
            keys.Add(key);
            used.Add(true);
            slots.Add(key, slot);
            dirty = true;
        }
    }

    /// <summary>Writes the file when something changed since it was loaded or last written; returns whether it wrote.</summary>
    public bool Flush()
    {
        lock (gate)
        {
            if (!dirty) return false;
            var usedCount = used.Count(u => u);
            var keepUnused = keys.Count <= 2 * Math.Max(usedCount, 1);
            var kept = Enumerable.Range(0, keys.Count).Where(i => used[i] || keepUnused).ToList();
            EmbeddingCacheFile.Write(Path, model, MaxTokens, Dimensions, kept.Select(i => keys[i]).ToList(),
                i => vectors.AsMemory(kept[i] * Dimensions, Dimensions));
            dirty = false;
            return true;
        }
    }
}
