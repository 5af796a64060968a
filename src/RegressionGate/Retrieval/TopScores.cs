namespace RegressionGate.Retrieval;

/// <summary>
/// Keeps the best <c>k</c> of a stream of (score, item) pairs in a min-heap: higher score first, then the item whose id
/// comes first in <see cref="SegmentIdComparer"/> order. That is a total order, so what is kept does not depend on the
/// order the pairs are offered in: searches may split the items between threads and merge their heaps.
/// </summary>
/// <remarks>Ids are compared only when scores tie, which is rare for cosines; sorting every id up front cost more.</remarks>
internal sealed class TopScores(int capacity, IReadOnlyList<string> ids)
{
    readonly double[] scores = new double[capacity];
    readonly int[] items = new int[capacity];
    int count;

    public void Offer(double score, int item)
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

    /// <summary>Offers every pair <paramref name="other"/> kept (another share of the same items).</summary>
    public void Merge(TopScores other)
    {
        for (var i = 0; i < other.count; i++) Offer(other.scores[i], other.items[i]);
    }

    /// <summary>The kept pairs, best first, ranked from 1.</summary>
    public IReadOnlyList<RankedSegment> Ranked()
    {
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) => Better(scores[a], items[a], scores[b], items[b]) ? -1 : Better(scores[b], items[b], scores[a], items[a]) ? 1 : 0);
        return order.Select((slot, rank) => new RankedSegment(rank + 1, ids[items[slot]], scores[slot])).ToArray();
    }

    bool Better(double score, int item, double otherScore, int otherItem) =>
        score > otherScore || (score == otherScore && SegmentIdComparer.Instance.Compare(ids[item], ids[otherItem]) < 0);

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

    void Swap(int a, int b)
    {
        (scores[a], scores[b]) = (scores[b], scores[a]);
        (items[a], items[b]) = (items[b], items[a]);
    }
}
