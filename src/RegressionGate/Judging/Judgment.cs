using RegressionGate.Golden;

namespace RegressionGate.Judging;

/// <summary>
/// A judge's verdict on one answer over all its repeats. <see cref="Score"/> is the median repeat's score
/// (the lower median for an even count, so it is always a score the judge actually gave and its
/// <see cref="Reasoning"/> can be quoted).
/// </summary>
/// <param name="Scores">Every repeat's score, in the order the repeats ran.</param>
/// <param name="Score">The median score, 0–<see cref="AnswerRelevancePrompt.MaxScore"/>; it decides.</param>
/// <param name="Normalised">Score / max score, 0–1.</param>
/// <param name="Label">The automated label for <see cref="Normalised"/> under the gate's thresholds.</param>
/// <param name="Reasoning">The raw output of the (first) repeat that gave the median score.</param>
/// <param name="Spread">Highest minus lowest repeat score; 0 with a single repeat.</param>
/// <param name="Flaky">The repeats' scores fall on different labels, so the verdict depends on luck.</param>
public sealed record Judgment(
    IReadOnlyList<int> Scores,
    int Score,
    double Normalised,
    Label Label,
    string Reasoning,
    int Spread,
    bool Flaky) : JudgeOutcome
{
    /// <summary>Aggregates repeats: median decides, spread and flakiness are reported.</summary>
    public static Judgment FromRepeats(IReadOnlyList<(int Score, string Reasoning)> repeats, LabelThresholds thresholds, int maxScore)
    {
        if (repeats.Count == 0) throw new ArgumentException("a judgment needs at least one repeat", nameof(repeats));
        var scores = repeats.Select(r => r.Score).ToList();
        var sorted = scores.Order().ToList();
        var median = sorted[(sorted.Count - 1) / 2];
        var labels = scores.Select(s => thresholds.LabelFor((double)s / maxScore)).Distinct().Count();
        return new Judgment(
            scores,
            median,
            (double)median / maxScore,
            thresholds.LabelFor((double)median / maxScore),
            repeats.First(r => r.Score == median).Reasoning,
            sorted[^1] - sorted[0],
            labels > 1);
    }
}
