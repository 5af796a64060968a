using System.Numerics.Tensors;

namespace RegressionGate.Retrieval;

/// <summary>
/// Exact cosine search over unit vectors held in one contiguous array: every vector is scored, the best k are kept
/// in a small heap (no full sort), ties broken by id ascending in <see cref="SegmentIdComparer"/> order.
/// </summary>
public sealed class VectorIndex
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
        var order = idOrder ??= RankIds();
        var heap = new TopK(Math.Min(k, Count), order);
        var vectors = data.AsSpan(0, Count * Dimensions);
        for (var i = 0; i < Count; i++)
        {
            heap.Offer(TensorPrimitives.Dot(vectors.Slice(i * Dimensions, Dimensions), query), i);
        }
        return heap.Ranked(ids);
    }

    int[] RankIds()
    {
        var sorted = new int[ids.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = i;
        Array.Sort(sorted, (a, b) => SegmentIdComparer.Instance.Compare(ids[a], ids[b]));
        var order = new int[ids.Count];
        for (var rank = 0; rank < sorted.Length; rank++) order[sorted[rank]] = rank;
        return order;
    }

    /// <summary>A min-heap of the best candidates so far; its root is the worst of them, the one to evict.</summary>
    struct TopK(int capacity, int[] idOrder)
    {
        readonly float[] scores = new float[capacity];
        readonly int[] items = new int[capacity];
        int count;

        public void Offer(float score, int item)
        {
            if (count < capacity)
            {
                scores[count] = score;
                items[count] = item;
                SiftUp(count++);
            }
            else if (capacity > 0 && Better(score, item, scores[0], items[0]))
            {
                scores[0] = score;
                items[0] = item;
                SiftDown(0);
            }
        }

        public readonly IReadOnlyList<RankedSegment> Ranked(List<string> ids)
        {
            var best = new int[count];
            for (var i = 0; i < count; i++) best[i] = i;
            var (s, it, order) = (scores, items, idOrder);
            Array.Sort(best, (a, b) => Better(s[a], it[a], s[b], it[b], order) ? -1 : Better(s[b], it[b], s[a], it[a], order) ? 1 : 0);
            var ranked = new RankedSegment[count];
            for (var r = 0; r < count; r++) ranked[r] = new RankedSegment(r + 1, ids[items[best[r]]], scores[best[r]]);
            return ranked;
        }

        readonly bool Better(float score, int item, float otherScore, int otherItem) => Better(score, item, otherScore, otherItem, idOrder);

        static bool Better(float score, int item, float otherScore, int otherItem, int[] order) =>
            score > otherScore || (score == otherScore && order[item] < order[otherItem]);

        void SiftUp(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Better(scores[parent], items[parent], scores[i], items[i])) break;
                Swap(i, parent);
                i = parent;
            }
        }

        void SiftDown(int i)
        {
            while (true)
            {
                var worst = i;
                var left = 2 * i + 1;
                var right = left + 1;
                if (left < count && Better(scores[worst], items[worst], scores[left], items[left])) worst = left;
                if (right < count && Better(scores[worst], items[worst], scores[right], items[right])) worst = right;
                if (worst == i) return;
                Swap(i, worst);
                i = worst;
            }
        }

        readonly void Swap(int a, int b)
        {
            (scores[a], scores[b]) = (scores[b], scores[a]);
            (items[a], items[b]) = (items[b], items[a]);
        }
    }
}
