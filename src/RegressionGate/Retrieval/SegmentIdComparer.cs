namespace RegressionGate.Retrieval;

/// <summary>Orders ids naturally: whole numbers by value (so 999 precedes 1000), anything else ordinally after them.</summary>
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
            var xt = x.TrimStart('0');
            var yt = y.TrimStart('0');
            if (xt.Length != yt.Length) return xt.Length.CompareTo(yt.Length);
            var digits = string.CompareOrdinal(xt, yt);
            return digits != 0 ? digits : string.CompareOrdinal(x, y);
        }
        if (xNumber != yNumber) return xNumber ? -1 : 1;
        return string.CompareOrdinal(x, y);
    }

    static bool IsNumber(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
