namespace RegressionGate.Golden;

/// <summary>An answer's grade, ordered I &lt; P &lt; C so weighted agreement can measure how far two labels are apart.</summary>
public enum Label
{
    /// <summary>Incorrect.</summary>
    I = 0,
    /// <summary>Partially correct.</summary>
    P = 1,
    /// <summary>Correct.</summary>
    C = 2,
}

internal static class Labels
{
    public static IReadOnlyList<Label> All { get; } = [Label.I, Label.P, Label.C];

    public static bool TryParse(string? text, out Label label)
    {
        switch (text)
        {
            case "C": label = Label.C; return true;
            case "P": label = Label.P; return true;
            case "I": label = Label.I; return true;
            default: label = default; return false;
        }
    }
}
