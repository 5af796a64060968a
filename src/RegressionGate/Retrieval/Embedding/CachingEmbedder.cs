namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// An <see cref="ITextEmbedder"/> in front of another that serves texts it has seen from the <see cref="EmbeddingCache"/>
/// and embeds only the others, a chunk at a time, journaling each chunk to disk before the next; the cache file is written
/// when the embedder is disposed.
/// </summary>
internal sealed class CachingEmbedder : ITextEmbedder
{
    readonly ITextEmbedder inner;
    readonly EmbeddingStore store;
    readonly bool ownsInner;
    readonly Action<string> warn;
    readonly Action release;
    bool disposed;

    internal CachingEmbedder(ITextEmbedder inner, EmbeddingStore store, bool ownsInner, Action<string> warn, Action release)
    {
        this.inner = inner;
        this.store = store;
        this.ownsInner = ownsInner;
        this.warn = warn;
        this.release = release;
    }

    public ModelIdentity Model => inner.Model;
    public int MaxTokens => inner.MaxTokens;
    public int Dimensions => inner.Dimensions;

    /// <summary>The cache file this embedder reads and writes.</summary>
    public string CacheFile => store.Path;

    /// <summary>Texts served from the cache so far.</summary>
    public int Hits { get; private set; }

    /// <summary>Texts the wrapped embedder had to embed so far (a killed run's journaled ones are served, not embedded).</summary>
    public int Embedded { get; private set; }

    /// <summary>
    /// Where the cache file holds the vector of <paramref name="prefix"/> + each of <paramref name="texts"/>: its row in
    /// <paramref name="block"/>, or -1 for a text to <see cref="Embed"/> (which also serves what earlier runs journaled).
    /// The rows stay valid until this embedder is disposed. Keys are hashed on every core: at 100,000 segments hashing is
    /// most of what a warm run does before it searches.
    /// </summary>
    public long[] Locate(string prefix, IReadOnlyList<string> texts, out VectorBlock? block)
    {
        ArgumentNullException.ThrowIfNull(texts);
        block = store.Loaded;
        if (block is null) return Enumerable.Repeat(-1L, texts.Count).ToArray();
        var rows = store.Locate(TextKey.Of(prefix, texts));
        Hits += rows.Count(r => r >= 0);
        return rows;
    }

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        // Texts to embed, each once, with every position that wants it.
        var missing = new Dictionary<TextKey, List<int>>();
        var missingKeys = new List<TextKey>();
        var missingTexts = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var key = TextKey.Of(texts[i]);
            if (missing.TryGetValue(key, out var positions))
            {
                positions.Add(i);
                continue;
            }
            if (store.TryGet(key) is { } cached)
            {
                vectors[i] = cached;
                continue;
            }
            missing.Add(key, [i]);
            missingKeys.Add(key);
            missingTexts.Add(texts[i]);
        }
        var hits = texts.Count - missing.Values.Sum(p => p.Count);
        Hits += hits;
        if (hits > 0) progress?.Report(hits);
        if (missingTexts.Count == 0) return vectors;

        // Chunk by chunk, each journaled (on disk) before the next is embedded, so a run killed part way keeps what it did.
        var done = progress is null ? null : Done(hits, missingKeys.Select(k => missing[k].Count));
        for (var start = 0; start < missingTexts.Count; start += EmbeddingJournal.ChunkTexts)
        {
            var count = Math.Min(EmbeddingJournal.ChunkTexts, missingTexts.Count - start);
            var fresh = inner.Embed(missingTexts.GetRange(start, count),
                progress is null ? null : new ChunkProgress(progress, done!, start), cancellationToken);
            Embedded += count;
            var keys = missingKeys.GetRange(start, count);
            store.Add(keys, fresh);
            for (var n = 0; n < count; n++)
            {
                var positions = missing[keys[n]];
                vectors[positions[0]] = fresh[n];
                foreach (var position in positions.Skip(1)) vectors[position] = (float[])fresh[n].Clone();
            }
        }
        return vectors;
    }

    /// <summary>done[n]: texts of the call finished once the first n distinct missing ones are embedded.</summary>
    static int[] Done(int hits, IEnumerable<int> repetitions)
    {
        var sums = new List<int> { hits };
        foreach (var count in repetitions) sums.Add(sums[^1] + count);
        return [.. sums];
    }

    /// <summary>
    /// Releases the cache entries: the last embedder of a model writes the cache file if anything new was embedded (a failure
    /// to write is a warning, not an error). Then disposes the wrapped embedder if it owns it.
    /// </summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            release();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"embedding cache '{store.Path}' could not be written ({e.Message}); the next run takes this run's vectors from its journal");
        }
        finally
        {
            if (ownsInner) inner.Dispose();
        }
    }

    /// <summary>Turns a chunk's progress into the call's: cached texts count as done, a repeated text once per repetition.</summary>
    sealed class ChunkProgress(IProgress<int> outer, int[] done, int chunkStart) : IProgress<int>
    {
        public void Report(int value) => outer.Report(done[Math.Clamp(chunkStart + value, 0, done.Length - 1)]);
    }
}
