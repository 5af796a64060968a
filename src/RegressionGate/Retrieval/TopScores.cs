namespace RegressionGate.Retrieval;

/// <summary>
/// Keeps the best <c>k</c> of a stream of (score, item) pairs in a min-heap: higher score first, then the item whose id
/// comes first in <see cref="SegmentIdComparer"/> order (given as each item's place in that order).
/// </summary>
internal sealed class TopScores(int capacity, int[] idOrder)
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

    /// <summary>The kept pairs, best first, ranked from 1.</summary>
    public IReadOnlyList<RankedSegment> Ranked(IReadOnlyList<string> ids)
    {
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) => Better(scores[a], items[a], scores[b], items[b]) ? -1 : Better(scores[b], items[b], scores[a], items[a]) ? 1 : 0);
        return order.Select((slot, rank) => new RankedSegment(rank + 1, ids[items[slot]], scores[slot])).ToArray();
    }

    /// <summary>Each id's place in <see cref="SegmentIdComparer"/> order, for tie-breaking by integers.</summary>
    public static int[] IdOrder(IReadOnlyList<string> ids)
    {
        var sorted = Enumerable.Range(0, ids.Count).ToArray();
        Array.Sort(sorted, (a, b) => SegmentIdComparer.Instance.Compare(ids[a], ids[b]));
        var order = new int[ids.Count];
        for (var rank = 0; rank < sorted.Length; rank++) order[sorted[rank]] = rank;
        return order;
    }

    bool Better(double score, int item, double otherScore, int otherItem) =>
        score > otherScore || (score == otherScore && idOrder[item] < idOrder[otherItem]);

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
