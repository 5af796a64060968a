namespace RegressionGate.Judging.Metrics;

/// <summary>
/// A metric's verdict on one question, unit by unit: each retrieved segment, or each statement of the answer.
/// <see cref="Normalised"/> is the mean of the parts' normalised scores, null when there was nothing to grade (an
/// answer whose statements are all trivial).
/// </summary>
public sealed record MetricJudgment(double? Normalised, IReadOnlyList<PartJudgment> Parts) : JudgeOutcome
{
    /// <summary>The verdict over <paramref name="parts"/>: their mean, or null for none.</summary>
    public static MetricJudgment Of(IReadOnlyList<PartJudgment> parts) =>
        new(parts.Count == 0 ? null : parts.Average(p => p.Normalised), parts);

    /// <summary>The parts scored below the metric's flag threshold (unsupported statements), in order.</summary>
    public IEnumerable<PartJudgment> Flagged => Parts.Where(p => p.Flagged);
}

/// <summary>One unit's grade over its repeats: the median decides, as for answer relevance.</summary>
/// <param name="Scores">Every repeat's score on the metric's scale, in the order they ran.</param>
/// <param name="Score">The median (lower median for an even count).</param>
/// <param name="Normalised">Score over the scale's maximum, 0–1.</param>
/// <param name="Reasoning">The raw output of the (first) repeat that gave the median.</param>
/// <param name="Spread">Highest minus lowest repeat score.</param>
/// <param name="Flagged">Below the metric's flag threshold (for groundedness: the statement is unsupported).</param>
public sealed record PartJudgment(
    MetricUnit Unit,
    IReadOnlyList<double> Scores,
    double Score,
    double Normalised,
    string Reasoning,
    double Spread,
    bool Flagged);
