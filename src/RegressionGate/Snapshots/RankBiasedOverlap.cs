namespace RegressionGate.Snapshots;

/// <summary>
/// Rank-biased overlap (Webber, Moffat &amp; Zobel 2010, "A similarity measure for indefinite rankings"): how alike
/// two rankings are, weighting agreement at depth d by p^(d−1), so changes at the top cost more than at the bottom.
/// </summary>
internal static class RankBiasedOverlap
{
    /// <summary>
    /// RBO_ext (the paper's eq. 32) for finite prefixes of lengths s ≤ l: the rankings seen so far are assumed to go
    /// on agreeing as they did, which makes identical lists score 1 (to within floating-point rounding, never above:
    /// the result is clamped to [0, 1]) and disjoint lists 0. Symmetric.
    /// Ids are compared ordinally; a repeated id counts once, where it first appears.
    /// </summary>
    public static double Extrapolated(IReadOnlyList<string> first, IReadOnlyList<string> second, double p)
    {
        if (p is <= 0 or >= 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be strictly between 0 and 1");
        var (a, b) = (Distinct(first), Distinct(second));
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        int s = shorter.Count, l = longer.Count;
        if (l == 0) return 1; // two empty rankings agree completely
        if (s == 0) return 0;

        // X_d: the overlap of the two prefixes at depth d; past s the shorter list is whole and stops growing.
        var seenShort = new HashSet<string>(StringComparer.Ordinal);
        var seenLong = new HashSet<string>(StringComparer.Ordinal);
        var overlap = 0;
        var overlapAtS = 0;
        double agreementSum = 0, extrapolationSum = 0, weight = 1;
        for (var d = 1; d <= l; d++)
        {
            weight *= p;
            var fromLong = longer[d - 1];
            seenLong.Add(fromLong);
            if (seenShort.Contains(fromLong)) overlap++;
            if (d <= s)
            {
                var fromShort = shorter[d - 1];
                seenShort.Add(fromShort);
                if (seenLong.Contains(fromShort)) overlap++; // a pair at the same depth counts once, here
                if (d == s) overlapAtS = overlap;
            }
            agreementSum += overlap / (double)d * weight;
            if (d > s) extrapolationSum += overlapAtS * (double)(d - s) / (s * (double)d) * weight;
        }
        var rbo = (1 - p) / p * (agreementSum + extrapolationSum)
                  + ((overlap - overlapAtS) / (double)l + overlapAtS / (double)s) * weight;
        return Math.Clamp(rbo, 0, 1); // guards against rounding just above 1 for identical lists
    }

    static List<string> Distinct(IReadOnlyList<string> ranking)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ranking.Where(seen.Add).ToList();
    }
}
