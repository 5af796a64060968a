using System.Numerics.Tensors;

namespace RegressionGate.Retrieval;

/// <summary>
/// Exact cosine search over unit vectors held in one contiguous array: every vector is scored, the best k are kept
/// in a small heap (no full sort), ties broken by id ascending in <see cref="SegmentIdComparer"/> order.
/// </summary>
internal sealed class VectorIndex
{
    readonly List<string> ids = [];
    readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    float[] data;
    // Each id's place in SegmentIdComparer order, so ties compare integers in the hot loop; rebuilt after additions.
    int[]? idOrder;

    public VectorIndex(int dimensions, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Dimensions = dimensions;
        data = new float[checked(dimensions * capacity)];
    }

    public int Dimensions { get; }
    public int Count => ids.Count;

    /// <summary>Adds a vector; it should be unit length, since the score is the plain dot product.</summary>
    public void Add(string id, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (vector.Length != Dimensions) throw new ArgumentException($"vector of '{id}' has {vector.Length} dimensions, the index {Dimensions}", nameof(vector));
        if (!positions.TryAdd(id, ids.Count)) throw new ArgumentException($"id '{id}' is already in the index", nameof(id));
        var offset = ids.Count * Dimensions;
        if (offset + Dimensions > data.Length) Array.Resize(ref data, Math.Max(offset + Dimensions, data.Length * 2));
        vector.CopyTo(data.AsSpan(offset));
        ids.Add(id);
        idOrder = null;
    }

    /// <summary>The <paramref name="k"/> best vectors for <paramref name="query"/> (fewer when the index is smaller), ranked from 1.</summary>
    public IReadOnlyList<RankedSegment> Search(ReadOnlySpan<float> query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (query.Length != Dimensions) throw new ArgumentException($"query has {query.Length} dimensions, the index {Dimensions}", nameof(query));
        var order = idOrder ??= TopScores.IdOrder(ids);
        var heap = new TopScores(Math.Min(k, Count), order);
        var vectors = data.AsSpan(0, Count * Dimensions);
        for (var i = 0; i < Count; i++)
        {
            heap.Offer(TensorPrimitives.Dot(vectors.Slice(i * Dimensions, Dimensions), query), i);
        }
        return heap.Ranked(ids);
    }
}
