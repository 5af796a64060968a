using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace RegressionGate.Retrieval;

/// <summary>
/// Exact cosine search over unit vectors: every vector is scored, the best k are kept in a small heap (no full sort), ties
/// broken by id ascending in <see cref="SegmentIdComparer"/> order.
/// </summary>
/// <remarks>
/// Vectors are either copied in (<see cref="Add(string, ReadOnlySpan{float})"/>) or searched where they lie
/// (<see cref="Add(string, VectorBlock, long)"/>: a warm run's vectors in the mapped embedding cache file). Many queries
/// are answered in one pass over the vectors, a tile of rows at a time while it sits in the processor's cache, tiles
/// shared between threads: at 100,000 × 384 one query reads 150 MB, so a hundred queries one by one are bound by memory,
/// not arithmetic. Each score is the same <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// of the same two vectors however the work is split, and <see cref="TopScores"/> keeps a total order, so rankings do
/// not depend on it.
/// </remarks>
internal sealed class VectorIndex
{
    /// <summary>Rows per tile: 64 vectors of 384 floats are 96 KB, well inside a core's L2 cache.</summary>
    const int TileBytes = 96 * 1024;

    readonly List<string> ids = [];
    readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    // Copied vectors, row r holding item copiedItems[r].
    float[] copied;
    readonly List<int> copiedItems = [];
    // Vectors searched in place, per block: (row, item) pairs, sorted by row before a search so reads run forward.
    readonly List<(VectorBlock Block, List<(long Row, int Item)> Rows)> placed = [];
    bool sorted = true;

    public VectorIndex(int dimensions, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Dimensions = dimensions;
        copied = new float[checked(dimensions * capacity)];
    }

    public int Dimensions { get; }
    public int Count => ids.Count;

    /// <summary>Adds a copy of a vector; it should be unit length, since the score is the plain dot product.</summary>
    public void Add(string id, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions) throw new ArgumentException($"vector of '{id}' has {vector.Length} dimensions, the index {Dimensions}", nameof(vector));
        var item = NewItem(id);
        var offset = copiedItems.Count * Dimensions;
        if (offset + Dimensions > copied.Length) Array.Resize(ref copied, Math.Max(offset + Dimensions, copied.Length * 2));
        vector.CopyTo(copied.AsSpan(offset));
        copiedItems.Add(item);
    }

    /// <summary>
    /// Adds the vector in row <paramref name="row"/> of <paramref name="block"/> without copying it: the block must stay
    /// valid while this index is searched.
    /// </summary>
    public void Add(string id, VectorBlock block, long row)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Dimensions != Dimensions) throw new ArgumentException($"vectors of '{id}' have {block.Dimensions} dimensions, the index {Dimensions}", nameof(block));
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, block.Count);
        var item = NewItem(id);
        var rows = placed.FindIndex(p => p.Block == block) is var at and >= 0 ? placed[at].Rows : null;
        if (rows is null) placed.Add((block, rows = []));
        if (rows.Count > 0 && rows[^1].Row > row) sorted = false;
        rows.Add((row, item));
    }

    int NewItem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!positions.TryAdd(id, ids.Count)) throw new ArgumentException($"id '{id}' is already in the index", nameof(id));
        ids.Add(id);
        return ids.Count - 1;
    }

    /// <summary>The <paramref name="k"/> best vectors for <paramref name="query"/> (fewer when the index is smaller), ranked from 1.</summary>
    public IReadOnlyList<RankedSegment> Search(ReadOnlySpan<float> query, int k) => Search([query.ToArray()], k)[0];

    /// <summary>The <paramref name="k"/> best vectors for each of <paramref name="queries"/>, in one pass over the vectors.</summary>
    public IReadOnlyList<RankedSegment>[] Search(IReadOnlyList<float[]> queries, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        foreach (var query in queries)
        {
            if (query.Length != Dimensions) throw new ArgumentException($"query has {query.Length} dimensions, the index {Dimensions}", nameof(queries));
        }
        // Searches may run on several threads at once (the gate's do not, but `ask` and extensions may): the first sorts.
        lock (placed)
        {
            if (!sorted)
            {
                foreach (var (_, rows) in placed) rows.Sort((a, b) => a.Row.CompareTo(b.Row));
                sorted = true;
            }
        }
        var capacity = Math.Min(k, Count);
        var copiedBlock = new VectorBlock(copied, Dimensions, copiedItems.Count);
        var tileRows = Math.Max(1, TileBytes / (Dimensions * sizeof(float)));
        var tiles = Tiles(tileRows).ToList();
        var shares = new List<TopScores[]>();
        Parallel.For(0, tiles.Count, () => new TopScores[queries.Count], (t, _, heaps) =>
        {
            var (block, rows, start, end) = tiles[t];
            for (var q = 0; q < queries.Count; q++)
                Score(block ?? copiedBlock, rows, start, end, queries[q], heaps[q] ??= new TopScores(capacity, ids));
            return heaps;
        }, heaps =>
        {
            lock (shares) shares.Add(heaps);
        });
        var results = new IReadOnlyList<RankedSegment>[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            var merged = new TopScores(capacity, ids);
            foreach (var share in shares)
            {
                if (share[q] is { } heap) merged.Merge(heap);
            }
            results[q] = merged.Ranked();
        }
        return results;
    }

    /// <summary>Offers one query's score against each row of a tile to its heap (rows null: the copied vectors, in order).</summary>
    // Optimised from its first call: a search is one long loop run once or twice per process, finished before tiered
    // compilation would have replaced its first, unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Score(VectorBlock block, List<(long Row, int Item)>? rows, int start, int end, float[] query, TopScores heap)
    {
        var q = query.AsSpan();
        for (var i = start; i < end; i++)
        {
            var (row, item) = rows is null ? (i, copiedItems[i]) : rows[i];
            heap.Offer(TensorPrimitives.Dot(block.Row(row), q), item);
        }
    }

    /// <summary>The work of a search: runs of at most <paramref name="tileRows"/> rows of one block (null: the copied vectors).</summary>
    IEnumerable<(VectorBlock? Block, List<(long Row, int Item)>? Rows, int Start, int End)> Tiles(int tileRows)
    {
        for (var start = 0; start < copiedItems.Count; start += tileRows)
            yield return (null, null, start, Math.Min(start + tileRows, copiedItems.Count));
        foreach (var (block, rows) in placed)
        {
            for (var start = 0; start < rows.Count; start += tileRows)
                yield return (block, rows, start, Math.Min(start + tileRows, rows.Count));
        }
    }
}
