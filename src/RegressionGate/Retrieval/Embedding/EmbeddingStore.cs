using System.Runtime.InteropServices;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// The cached vectors of one model at one <c>maxTokens</c>, loaded once from its file and shared by every
/// <see cref="CachingEmbedder"/> of the same <see cref="EmbeddingCache"/>, then written back when the last of them is
/// disposed and something new was embedded.
/// </summary>
/// <remarks>
/// The file is mapped, not read (<see cref="EmbeddingCacheFile.Map"/>): a dense index searches its vectors in place
/// (<see cref="Locate"/>) for as long as an embedder holds the store, and it is unmapped when the last one is released.
/// Vectors embedded in this process go to an <see cref="EmbeddingJournal"/> beside the cache file, chunk by chunk, rather
/// than into memory (the retriever's index already holds them once), and are copied from it into the new file. Journals
/// left by runs that were killed are adopted when the store opens: their intact vectors are served like the file's and
/// written into it, and the journals deleted once the file holds them.
/// What is written: every entry used or adopted in this process, plus the entries it did not use as long as the file would
/// not hold more than twice as many entries as were used — so occasional other texts (an <c>ask</c>, last run's questions)
/// survive while edited segments cannot pile up forever.
/// When the cache directory cannot be written, that is one warning and the run goes on: new vectors are simply not kept.
/// </remarks>
internal sealed class EmbeddingStore
{
    readonly Lock gate = new();
    readonly byte[] model;
    readonly Action<string> warn;
    readonly EmbeddingCacheFile.Mapped? mapped;
    readonly TextKey[] loadedKeys;
    readonly bool[] loadedUsed;
    readonly List<JournalEntry> added = [];
    readonly List<EmbeddingJournal.Adopted> adopted;
    readonly Dictionary<TextKey, int> slots; // slot < loaded count: the block; beyond: added[slot − loaded count]
    readonly int vectorBytes;
    EmbeddingJournal? journal;
    bool unwritable;
    int users;
    bool dirty;
    bool finished;

    /// <summary>Where an added entry's vector is: in this run's journal or in one adopted from a killed run.</summary>
    readonly record struct JournalEntry(TextKey Key, EmbeddingJournal Journal, long Offset);

    EmbeddingStore(string path, byte[] model, int maxTokens, int dimensions, EmbeddingCacheFile.Mapped? mapped,
        List<EmbeddingJournal.Adopted> adopted, bool rebuild, Action<string> warn)
    {
        Path = path;
        this.model = model;
        this.warn = warn;
        this.adopted = adopted;
        MaxTokens = maxTokens;
        Dimensions = dimensions;
        vectorBytes = dimensions * sizeof(float);
        this.mapped = mapped;
        loadedKeys = mapped?.Keys ?? [];
        loadedUsed = new bool[loadedKeys.Length];
        slots = new Dictionary<TextKey, int>(loadedKeys.Length);
        for (var i = 0; i < loadedKeys.Length; i++) slots.TryAdd(loadedKeys[i], i);
        foreach (var leftover in adopted)
        {
            foreach (var (key, offset) in leftover.Entries)
            {
                if (slots.TryAdd(key, loadedKeys.Length + added.Count)) added.Add(new JournalEntry(key, leftover.Journal, offset));
            }
        }
        dirty = rebuild || added.Count > 0;
    }

    public string Path { get; }

    /// <summary>Its last embedder was released (even if writing the file then failed): it is of no further use.</summary>
    public bool Finished
    {
        get
        {
            lock (gate) return finished;
        }
    }

    public int MaxTokens { get; }
    public int Dimensions { get; }

    /// <summary>
    /// Loads the file at <paramref name="path"/> and adopts the journals killed runs left beside it; an unusable file or
    /// journal is reported through <paramref name="warn"/> (the file is then rebuilt).
    /// </summary>
    public static EmbeddingStore Open(string path, ModelIdentity model, int maxTokens, int dimensions, Action<string> warn)
    {
        var hash = Convert.FromHexString(model.Sha256);
        var (mapped, problem) = EmbeddingCacheFile.Map(path, hash, maxTokens, dimensions);
        if (problem is not null) warn($"embedding cache '{path}' is not used: {problem}; it will be rebuilt");
        try
        {
            var adopted = EmbeddingJournal.AdoptLeftovers(path, hash, maxTokens, dimensions, warn);
            return new EmbeddingStore(path, hash, maxTokens, dimensions, mapped, adopted, rebuild: problem is not null, warn);
        }
        catch
        {
            mapped?.Dispose();
            throw;
        }
    }

    /// <summary>One more embedder reads and writes through this store.</summary>
    public void Acquire()
    {
        lock (gate)
        {
            // A finished store has unmapped its file; the cache opens a new one instead of handing this one out.
            ObjectDisposedException.ThrowIf(finished, this);
            users++;
        }
    }

    /// <summary>
    /// One embedder is done; when it was the last, the file is written if anything changed, and the journals it now holds
    /// are deleted (or, when it could not be written, left for the next run), and the file unmapped: the store is then
    /// <see cref="Finished"/> (the cache forgets it and reloads the file next time).
    /// </summary>
    public void Release()
    {
        lock (gate)
        {
            if (--users > 0) return;
            finished = true;
            var journals = adopted.Select(a => a.Journal).Concat(journal is null ? [] : [journal]).ToList();
            journal = null;
            var written = false;
            try
            {
                if (!unwritable)
                {
                    if (dirty) Flush();
                    written = true;
                }
            }
            finally
            {
                mapped?.Dispose();
                foreach (var j in journals)
                {
                    if (written) DeleteQuietly(j);
                    else j.Dispose();
                }
            }
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
                return mapped!.Vectors.Row(slot).ToArray();
            }
            var entry = added[slot - loadedKeys.Length];
            var vector = new float[Dimensions];
            entry.Journal.Read(entry.Offset, MemoryMarshal.AsBytes(vector.AsSpan()));
            return vector;
        }
    }

    /// <summary>The vectors of the cache file as it was loaded (null when there was none), for <see cref="Locate"/>'s rows.</summary>
    public VectorBlock? Loaded => mapped?.Vectors;

    /// <summary>
    /// For each key, its row in <see cref="Loaded"/> (marked used, as <see cref="TryGet"/> would), or -1 when the loaded
    /// file does not hold it; the vector stays valid until this store is finished with.
    /// </summary>
    public long[] Locate(IReadOnlyList<TextKey> keys)
    {
        var rows = new long[keys.Count];
        lock (gate)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (slots.TryGetValue(keys[i], out var slot) && slot < loadedKeys.Length)
                {
                    loadedUsed[slot] = true;
                    rows[i] = slot;
                }
                else rows[i] = -1;
            }
        }
        return rows;
    }

    /// <summary>
    /// Remembers one chunk of freshly embedded vectors (keys already present are left alone), on disk before it returns.
    /// </summary>
    public void Add(IReadOnlyList<TextKey> keys, IReadOnlyList<float[]> vectors)
    {
        if (keys.Count != vectors.Count) throw new ArgumentException($"{keys.Count} keys for {vectors.Count} vectors", nameof(vectors));
        foreach (var vector in vectors)
        {
            if (vector.Length != Dimensions) throw new ArgumentException($"vector has {vector.Length} dimensions, the cache {Dimensions}", nameof(vectors));
        }
        lock (gate)
        {
            if (unwritable) return;
            var seen = new HashSet<TextKey>();
            var fresh = Enumerable.Range(0, keys.Count).Where(i => !slots.ContainsKey(keys[i]) && seen.Add(keys[i])).ToList();
            if (fresh.Count == 0) return;
            long offset;
            try
            {
                journal ??= EmbeddingJournal.Create(Path, model, MaxTokens, Dimensions);
                offset = journal.Append([.. fresh.Select(i => keys[i])], [.. fresh.Select(i => vectors[i])]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unwritable = true;
                warn($"embedding cache '{System.IO.Path.GetDirectoryName(Path)}' cannot be written ({e.Message}); this run goes on without keeping new vectors");
                return;
            }
            foreach (var i in fresh)
            {
                slots.Add(keys[i], loadedKeys.Length + added.Count);
                added.Add(new JournalEntry(keys[i], journal, offset));
                offset += vectorBytes;
            }
            dirty = true;
        }
    }

    /// <summary>Writes the file: the loaded entries kept, then every added one, copied from its journal in runs.</summary>
    void Flush()
    {
        var usedCount = loadedUsed.Count(u => u) + added.Count;
        var keepUnused = loadedKeys.Length + added.Count <= 2 * Math.Max(usedCount, 1);
        var loaded = Enumerable.Range(0, loadedKeys.Length).Where(i => loadedUsed[i] || keepUnused).ToList();
        EmbeddingCacheFile.Write(Path, model, MaxTokens, Dimensions, [.. loaded.Select(i => loadedKeys[i]), .. added.Select(a => a.Key)], put =>
        {
            foreach (var i in loaded) put(MemoryMarshal.AsBytes(mapped!.Vectors.Row(i)));
            var buffer = new byte[Math.Max(vectorBytes, 1 << 20) / vectorBytes * vectorBytes];
            for (var start = 0; start < added.Count;)
            {
                // A run: consecutive entries of one journal whose vectors lie back to back, read a buffer at a time.
                var (first, count) = (added[start], 1);
                while (start + count < added.Count && count * vectorBytes < buffer.Length
                       && added[start + count].Journal == first.Journal && added[start + count].Offset == first.Offset + (long)count * vectorBytes)
                    count++;
                var run = buffer.AsSpan(0, count * vectorBytes);
                first.Journal.Read(first.Offset, run);
                put(run);
                start += count;
            }
        }, beforeReplace: () => mapped?.Dispose());
        dirty = false;
    }

    static void DeleteQuietly(EmbeddingJournal journal)
    {
        try
        {
            journal.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Its vectors are in the file; a run that adopts it finds them there already.
        }
    }
}
