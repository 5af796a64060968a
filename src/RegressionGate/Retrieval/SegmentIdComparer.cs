namespace RegressionGate.Retrieval;

/// <summary>Orders ids naturally: whole numbers by value (so 999 precedes 1000), anything else ordinally after them.</summary>
/// <remarks>Allocation-free: rankers call it on every tied score, which BM25 produces by the thousand.</remarks>
internal sealed class SegmentIdComparer : IComparer<string>
{
    public static SegmentIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var xNumber = IsNumber(x);
        var yNumber = IsNumber(y);
        if (xNumber && yNumber)
        {
            var xt = x.AsSpan().TrimStart('0');
            var yt = y.AsSpan().TrimStart('0');
            if (xt.Length != yt.Length) return xt.Length.CompareTo(yt.Length);
            var digits = xt.SequenceCompareTo(yt);
            return digits != 0 ? Math.Sign(digits) : string.CompareOrdinal(x, y);
        }
        if (xNumber != yNumber) return xNumber ? -1 : 1;
        return string.CompareOrdinal(x, y);
    }

    static bool IsNumber(string s) => s.Length > 0 && !s.AsSpan().ContainsAnyExceptInRange('0', '9');
}
