using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>One metric of one question next to its verified baseline: the theory row <c>Judgment(metric, questionId)</c>.</summary>
/// <param name="Outcome">This run's judgment, part-wise verdict or judge failure; null when there was nothing to grade.</param>
/// <param name="BaselineScore">The verified normalised score before the run, where there was one.</param>
/// <param name="PartsBaseline">The verified part-wise snapshot before the run (metrics other than the labelled one).</param>
/// <param name="Verdict">The comparison with the snapshot, or the judge failure; null when nothing was graded.</param>
public sealed record MetricCheck(
    JudgeMetric Metric,
    JudgeIdentity Judge,
    JudgeOutcome? Outcome,
    double? BaselineScore,
    MetricSnapshot? PartsBaseline,
    Verdict? Verdict)
{
    /// <summary>This run's normalised score, where graded.</summary>
    public double? Score => Outcome.NormalisedScore();

    /// <summary>Whether the check passed; nothing graded passes.</summary>
    public bool Passed => Verdict?.Passed ?? true;
}
