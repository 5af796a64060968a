using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Judging;

/// <summary>
/// <c>gate.json</c>'s <c>labels</c> section. Normalised AR score → automated label: at or above <see cref="Correct"/> is
/// C, at or above <see cref="Partial"/> is P, else I.
/// </summary>
public sealed record LabelThresholds
{
    /// <summary>The lowest normalised score labelled C.</summary>
    public double Correct { get; init; } = 1.0;

    /// <summary>The lowest normalised score labelled P.</summary>
    public double Partial { get; init; } = 1.0 / 3;

    /// <summary>The automated label of a normalised score.</summary>
    public Label LabelFor(double normalised) =>
        normalised >= Correct - 1e-9 ? Label.C : normalised >= Partial - 1e-9 ? Label.P : Label.I;

    /// <summary>Reads the <c>labels</c> section; every field is optional.</summary>
    internal static LabelThresholds Read(JsonFields section)
    {
        section.RejectUnknown("correct", "partial");
        var defaults = new LabelThresholds();
        var labels = new LabelThresholds
        {
            Correct = section.OptionalDouble("correct", defaults.Correct, 0, 1),
            Partial = section.OptionalDouble("partial", defaults.Partial, 0, 1),
        };
        if (labels.Partial > labels.Correct) throw section.Error("partial", "must not be above 'correct'");
        return labels;
    }
}
