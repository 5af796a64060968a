using System.Globalization;

namespace RegressionGate.Formatting;

/// <summary>How numbers read in messages: scores to 4 decimals, AR as the seed shows it (0.67), settings as written.</summary>
internal static class Display
{
    public static string Score(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Ar(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Setting(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Delta(double value) => (value >= 0 ? "+" : "") + Score(value);
}
