using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Gate;

/// <summary>One metric's outcome for one question, before it is compared with its snapshot; null when the question had nothing for it to grade.</summary>
public sealed record GradedMetric(JudgeMetric Metric, JudgeIdentity Judge, JudgeOutcome? Outcome)
{
    /// <summary>The question's normalised score on this metric, where it was graded.</summary>
    public double? Score => Outcome.NormalisedScore();
}

/// <summary>What every report and aggregate reads off a judge outcome.</summary>
internal static class JudgeOutcomes
{
    /// <summary>The normalised score of a judgment or part-wise verdict; null for a failure, or when nothing was graded.</summary>
    public static double? NormalisedScore(this JudgeOutcome? outcome) => outcome switch
    {
        Judgment j => j.Normalised,
        MetricJudgment m => m.Normalised,
        _ => null,
    };
}
