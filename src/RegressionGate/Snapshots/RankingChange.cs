using System.Globalization;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// How a question's top-k changed from its verified ranking, in the terms a reviewer decides on: which segments left
/// or entered (relevant ones first), which changed order among themselves, and which only shifted because something
/// above them left or entered. The segments that kept their relative order are the longest common subsequence of the
/// two rankings without those that left and entered; only the rest "changed order", so one dropped segment reads as
/// one exit and one summarised shift, not as ten moves.
/// </summary>
internal sealed class RankingChange
{
    /// <summary>At most this many segments of one kind are named one by one; more are counted in one sentence.</summary>
    const int Listed = 3;

    readonly IReadOnlySet<string> relevant;

    RankingChange(IReadOnlyList<RankedSegment> before, IReadOnlyList<RankedSegment> after, IReadOnlySet<string> relevant, int k)
    {
        this.relevant = relevant;
        K = k;
        Before = Distinct(before);
        After = Distinct(after);
        var oldRanks = Before.ToDictionary(s => s.Id, s => s.Rank, StringComparer.Ordinal);
        var newRanks = After.ToDictionary(s => s.Id, s => s.Rank, StringComparer.Ordinal);

        Left = Before.Where(s => !newRanks.ContainsKey(s.Id)).Select(s => new RankMove(s.Id, s.Rank, null)).ToList();
        Entered = After.Where(s => !oldRanks.ContainsKey(s.Id)).Select(s => new RankMove(s.Id, null, s.Rank)).ToList();

        var sharedBefore = Before.Where(s => newRanks.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        var sharedAfter = After.Where(s => oldRanks.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        var kept = InOrder(sharedBefore, sharedAfter);
        var reordered = new List<RankMove>();
        var shifted = new List<RankMove>();
        foreach (var id in sharedBefore)
        {
            var move = new RankMove(id, oldRanks[id], newRanks[id]);
            if (!kept.Contains(id)) reordered.Add(move);
            else if (move.OldRank != move.NewRank) shifted.Add(move);
        }
        Reordered = reordered;
        Shifted = shifted;
    }

    /// <summary>Compares <paramref name="before"/> (verified) with <paramref name="after"/> (current); <paramref name="k"/> names the top-k in sentences.</summary>
    public static RankingChange Between(IReadOnlyList<RankedSegment> before, IReadOnlyList<RankedSegment> after,
        IEnumerable<string>? relevant = null, int? k = null) =>
        new(before, after, new HashSet<string>(relevant ?? [], StringComparer.Ordinal), k ?? Math.Max(before.Count, after.Count));

    /// <summary>The verified ranking, best first, each segment once.</summary>
    public IReadOnlyList<RankedSegment> Before { get; }

    /// <summary>The current ranking, best first, each segment once.</summary>
    public IReadOnlyList<RankedSegment> After { get; }

    public int K { get; }

    /// <summary>Segments ranked before and not now, in their old order.</summary>
    public IReadOnlyList<RankMove> Left { get; }

    /// <summary>Segments ranked now and not before, in their new order.</summary>
    public IReadOnlyList<RankMove> Entered { get; }

    /// <summary>Segments ranked in both whose order relative to the others changed, in their old order.</summary>
    public IReadOnlyList<RankMove> Reordered { get; }

    /// <summary>Segments whose rank changed only because others left, entered or changed order around them.</summary>
    public IReadOnlyList<RankMove> Shifted { get; }

    public bool Unchanged => Left.Count == 0 && Entered.Count == 0 && Reordered.Count == 0 && Shifted.Count == 0;

    public bool IsRelevant(string segmentId) => relevant.Contains(segmentId);

    /// <summary>
    /// The change in sentences, most telling first: relevant segments that left, entered or changed order; then the
    /// others that left, entered or changed order (named up to three, counted beyond); then the relevant segments that
    /// only shifted, and one sentence for the other shifts.
    /// </summary>
    public IReadOnlyList<string> Sentences()
    {
        var sentences = new List<string>();
        foreach (var move in Left.Where(m => IsRelevant(m.Id))) sentences.Add($"relevant segment {move.Id} ★ left the top {Count(K)} (was rank {Count(move.OldRank!.Value)})");
        foreach (var move in Entered.Where(m => IsRelevant(m.Id))) sentences.Add($"relevant segment {move.Id} ★ entered at rank {Count(move.NewRank!.Value)}");
        foreach (var move in Reordered.Where(m => IsRelevant(m.Id)))
            sentences.Add($"relevant segment {move.Id} ★ {(move.NewRank > move.OldRank ? "fell" : "rose")} from rank {Count(move.OldRank!.Value)} to {Count(move.NewRank!.Value)}");
        Group(sentences, Left.Where(m => !IsRelevant(m.Id)).ToList(),
            m => $"segment {m.Id} left the top {Count(K)} (was rank {Count(m.OldRank!.Value)})",
            (n, list) => $"{Count(n)} other segments left the top {Count(K)}: {list}", m => $"{m.Id} (was {Count(m.OldRank!.Value)})");
        Group(sentences, Entered.Where(m => !IsRelevant(m.Id)).ToList(),
            m => $"segment {m.Id} entered at rank {Count(m.NewRank!.Value)}",
            (n, list) => $"{Count(n)} other segments entered: {list}", m => $"{m.Id} (at {Count(m.NewRank!.Value)})");
        Group(sentences, Reordered.Where(m => !IsRelevant(m.Id)).ToList(),
            m => m.Describe(),
            (n, list) => $"{Count(n)} segments changed order: {list}", m => m.Brief());
        // A relevant segment that only shifted still moves MRR and nDCG, so it is named rather than counted with the
        // rest; after the exits and entries, since they are why it moved.
        foreach (var move in Shifted.Where(m => IsRelevant(m.Id)))
            sentences.Add($"relevant segment {move.Id} ★ {(move.NewRank > move.OldRank ? "fell" : "rose")} from rank {Count(move.OldRank!.Value)} to {Count(move.NewRank!.Value)} as a result");
        if (ShiftSummary() is { } shifts) sentences.Add(shifts);
        return sentences;
    }

    /// <summary>One short line for listings such as <c>approve --dry-run</c>: <c>1009 ★ left (was 1), 1905 entered at 10, 9 shifted</c>.</summary>
    public string Brief()
    {
        var parts = new List<string>();
        parts.AddRange(Left.OrderBy(m => IsRelevant(m.Id) ? 0 : 1).Take(Listed).Select(m => $"{m.Id}{Star(m.Id)} left (was {Count(m.OldRank!.Value)})"));
        if (Left.Count > Listed) parts.Add($"{Count(Left.Count - Listed)} more left");
        parts.AddRange(Entered.OrderBy(m => IsRelevant(m.Id) ? 0 : 1).Take(Listed).Select(m => $"{m.Id}{Star(m.Id)} entered at {Count(m.NewRank!.Value)}"));
        if (Entered.Count > Listed) parts.Add($"{Count(Entered.Count - Listed)} more entered");
        parts.AddRange(Reordered.OrderBy(m => IsRelevant(m.Id) ? 0 : 1).Take(Listed).Select(m => $"{m.Id}{Star(m.Id)} {Count(m.OldRank!.Value)} → {Count(m.NewRank!.Value)}"));
        if (Reordered.Count > Listed) parts.Add($"{Count(Reordered.Count - Listed)} more reordered");
        if (Shifted.Count > 0) parts.Add($"{Count(Shifted.Count)} shifted");
        return parts.Count == 0 ? "same ranking" : string.Join(", ", parts);
    }

    /// <summary>The two rankings side by side, rank by rank, for a before/after table.</summary>
    public IReadOnlyList<RankingRow> Rows()
    {
        var oldIds = Before.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var newIds = After.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var rows = new List<RankingRow>();
        for (var i = 0; i < Math.Max(Before.Count, After.Count); i++)
        {
            var was = i < Before.Count ? Before[i] : (RankedSegment?)null;
            var now = i < After.Count ? After[i] : (RankedSegment?)null;
            rows.Add(new RankingRow(
                now?.Rank ?? was!.Value.Rank,
                was, was is { } w && IsRelevant(w.Id), was is { } l && !newIds.Contains(l.Id),
                now, now is { } n && IsRelevant(n.Id), now is { } e && !oldIds.Contains(e.Id)));
        }
        return rows;
    }

    /// <summary>The shifts of segments not relevant in one sentence: <c>9 other segments moved up one rank as a result</c>; null when none shifted.</summary>
    string? ShiftSummary()
    {
        var shifted = Shifted.Where(m => !IsRelevant(m.Id)).ToList();
        if (shifted.Count == 0) return null;
        var distances = shifted.Select(m => m.NewRank!.Value - m.OldRank!.Value).ToList();
        var up = distances.All(d => d < 0);
        var down = distances.All(d => d > 0);
        var direction = up ? "up " : down ? "down " : "";
        var (least, most) = (distances.Min(Math.Abs), distances.Max(Math.Abs));
        var by = least == most ? (least == 1 ? "one rank" : $"{Count(least)} ranks") : $"{Count(least)}–{Count(most)} ranks";
        var what = shifted.Count == 1 ? $"segment {shifted[0].Id} moved" : $"{Count(shifted.Count)} other segments moved";
        return $"{what} {direction}{by} as a result";
    }

    void Group(List<string> sentences, IReadOnlyList<RankMove> moves, Func<RankMove, string> one, Func<int, string, string> many, Func<RankMove, string> item)
    {
        if (moves.Count == 0) return;
        if (moves.Count <= Listed)
        {
            sentences.AddRange(moves.Select(one));
            return;
        }
        var named = string.Join(", ", moves.Take(Listed * 2).Select(item));
        sentences.Add(many(moves.Count, moves.Count > Listed * 2 ? named + ", …" : named));
    }

    string Star(string id) => IsRelevant(id) ? " ★" : "";

    /// <summary>
    /// The ids of the longest common subsequence of two orders of the same ids: those that kept their relative order.
    /// With ranks of the first order as values, that is a longest increasing subsequence of the second (O(n log n)).
    /// </summary>
    static HashSet<string> InOrder(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < first.Count; i++) position[first[i]] = i;
        var values = second.Select(id => position[id]).ToArray();
        var tails = new List<int>();          // tails[l]: index into values of the smallest tail of an increasing run of length l+1
        var previous = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (values[tails[mid]] < values[i]) lo = mid + 1;
                else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(i);
            else tails[lo] = i;
        }
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (var i = tails.Count == 0 ? -1 : tails[^1]; i >= 0; i = previous[i]) kept.Add(second[i]);
        return kept;
    }

    static List<RankedSegment> Distinct(IReadOnlyList<RankedSegment> ranking)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ranking.OrderBy(s => s.Rank).Where(s => seen.Add(s.Id)).ToList();
    }

    static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One rank of a before/after table: the verified segment at that rank and the current one, each flagged relevant
/// (★), and whether the verified one has left the ranking or the current one is new to it.
/// </summary>
internal sealed record RankingRow(
    int Rank,
    RankedSegment? Before,
    bool BeforeRelevant,
    bool BeforeLeft,
    RankedSegment? After,
    bool AfterRelevant,
    bool AfterEntered);
