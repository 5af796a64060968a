using System.Globalization;
using System.Text;

namespace RegressionGate.Records;

/// <summary>
/// How records print numbers. The team's records come from Python, so a retrieval score is printed as Python's
/// <c>repr(float)</c> prints it (the shortest text that reads back as the same double, <c>1.0</c> not <c>1</c>,
/// <c>1e-05</c> not <c>1E-05</c>), and the AR score as <c>f"{ar:.2f}"</c>.
/// </summary>
internal static class RecordNumbers
{
    public static string FormatScore(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "a score must be a finite number");
        var (negative, digits, pointAt) = ShortestDigits(value);
        var text = new StringBuilder();
        if (negative) text.Append('-');
        // CPython's float_repr_style 'short': scientific when the decimal point falls 4+ places left of the
        // first digit or more than 16 places right of it.
        if (pointAt is <= -4 or > 16)
        {
            text.Append(digits[0]);
            if (digits.Length > 1) text.Append('.').Append(digits, 1, digits.Length - 1);
            var exponent = pointAt - 1;
            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointAt <= 0)
        {
            text.Append("0.").Append('0', -pointAt).Append(digits);
        }
        else if (pointAt < digits.Length)
        {
            text.Append(digits, 0, pointAt).Append('.').Append(digits, pointAt, digits.Length - pointAt);
        }
        else
        {
            text.Append(digits).Append('0', pointAt - digits.Length).Append(".0");
        }
        return text.ToString();
    }

    /// <summary>A score as printed in a record: any finite decimal number, with an optional exponent.</summary>
    public static bool TryParseScore(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The AR score with two decimals, as the records print it (0.67). Exact binary midpoints round to even, as Python does.</summary>
    public static string FormatRelevance(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "an AR score must be a finite number");
        // .NET's "F2" already rounds the exact binary value; only a value exactly halfway (0.125) rounds away from zero where Python rounds to even.
        var exact = value.ToString("F30", CultureInfo.InvariantCulture);
        var point = exact.IndexOf('.', StringComparison.Ordinal);
        var isMidpoint = exact[(point + 3)..].TrimEnd('0') == "5";
        return (isMidpoint ? Math.Round(value, 2, MidpointRounding.ToEven) : value).ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>The sign, the shortest round-trip significant digits, and where the decimal point goes (value = 0.digits × 10^pointAt).</summary>
    static (bool Negative, string Digits, int PointAt) ShortestDigits(double value)
    {
        var negative = double.IsNegative(value);
        if (value == 0) return (negative, "0", 1);
        // "E16" is not shortest; "R" is, and it says where the point goes through its exponent.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var allDigits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        return (negative, digits, integerDigits - leadingZeros + exponent);
    }
}
