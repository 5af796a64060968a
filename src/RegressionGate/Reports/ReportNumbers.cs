using System.Globalization;

namespace RegressionGate.Reports;

/// <summary>How the reports print numbers: invariant culture, four decimals as the gate's messages do.</summary>
static class ReportNumbers
{
    public static string Score(double? value) => value is { } v ? Round(v).ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    /// <summary>A signed change; one too small to show is 0, never -0.0000 or +0.0000.</summary>
    public static string Delta(double value)
    {
        var rounded = Round(value);
        return rounded == 0 ? "0" : (rounded > 0 ? "+" : "") + rounded.ToString("0.0000", CultureInfo.InvariantCulture);
    }

    public static string Interval(Gate.Interval? interval) => interval is { } i ? $"{Score(i.Low)} – {Score(i.High)}" : "—";

    /// <summary>Rounded to the printed precision, negative zero made positive.</summary>
    static double Round(double value)
    {
        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded;
    }
}
