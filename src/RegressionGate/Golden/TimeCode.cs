using System.Globalization;

namespace RegressionGate.Golden;

/// <summary>A position in a lecture video, written <c>hh:mm:ss</c> as the transcripts and records do.</summary>
public readonly record struct TimeCode(int TotalSeconds) : IComparable<TimeCode>
{
    /// <summary>Reads <c>hh:mm:ss</c> (hours of any length, minutes and seconds of two digits below 60); false for anything else.</summary>
    public static bool TryParse(string? text, out TimeCode time)
    {
        time = default;
        if (text is null) return false;
        var parts = text.Split(':');
        if (parts.Length != 3) return false;
        if (!TryPart(parts[0], int.MaxValue / 3600, out var h) || !TryPart(parts[1], 59, out var m) || !TryPart(parts[2], 59, out var s))
            return false;
        if (parts[1].Length != 2 || parts[2].Length != 2) return false;
        time = new TimeCode(h * 3600 + m * 60 + s);
        return true;
    }

    static bool TryPart(string part, int max, out int value) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value) && part.Length > 0 && value <= max;

    /// <summary>Earlier positions first.</summary>
    public int CompareTo(TimeCode other) => TotalSeconds.CompareTo(other.TotalSeconds);

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/>.</summary>
    public static bool operator <(TimeCode a, TimeCode b) => a.TotalSeconds < b.TotalSeconds;
    /// <summary>Whether <paramref name="a"/> comes after <paramref name="b"/>.</summary>
    public static bool operator >(TimeCode a, TimeCode b) => a.TotalSeconds > b.TotalSeconds;
    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/> or is the same position.</summary>
    public static bool operator <=(TimeCode a, TimeCode b) => a.TotalSeconds <= b.TotalSeconds;
    /// <summary>Whether <paramref name="a"/> comes after <paramref name="b"/> or is the same position.</summary>
    public static bool operator >=(TimeCode a, TimeCode b) => a.TotalSeconds >= b.TotalSeconds;

    /// <summary>The position as <c>hh:mm:ss</c>, as the records print it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TotalSeconds / 3600:00}:{TotalSeconds / 60 % 60:00}:{TotalSeconds % 60:00}");
}
