using System.Globalization;
using Microsoft.Extensions.AI.Evaluation;

namespace RegressionGate.Judging.Metrics;

/// <summary>A metric's outcome as the <see cref="NumericMetric"/> an <see cref="IEvaluator"/> returns, and back.</summary>
public static class MetricEvaluation
{
    /// <summary>Metadata naming the raw score on the judge's scale, where there is one.</summary>
    public const string ScoreMetadata = "regression-gate.score";

    /// <summary>Metadata naming the automated label of a labelled metric.</summary>
    public const string LabelMetadata = "regression-gate.label";

    /// <summary>Metadata naming why there is no value: the <see cref="JudgeFailureKind"/>.</summary>
    public const string FailureMetadata = "regression-gate.failure";

    /// <summary>
    /// The normalised score (0–1) with the reasoning as the reason; for a part-wise metric the reason lists each part.
    /// A judge failure has no value, an error diagnostic with the message and the raw output, and is interpreted as failed.
    /// </summary>
    internal static NumericMetric ToNumericMetric(JudgeMetric metric, JudgeOutcome outcome)
    {
        switch (outcome)
        {
            case Judgment judgment:
            {
                var numeric = new NumericMetric(metric.Title, judgment.Normalised, judgment.Reasoning) { Interpretation = Interpret(judgment.Normalised) };
                numeric.AddOrUpdateMetadata(ScoreMetadata, judgment.Score.ToString(CultureInfo.InvariantCulture));
                numeric.AddOrUpdateMetadata(LabelMetadata, judgment.Label.ToString());
                return numeric;
            }
            case MetricJudgment parts:
            {
                var reason = parts.Parts.Count == 0
                    ? "nothing to grade"
                    : string.Join("\n", parts.Parts.Select(p => string.Create(CultureInfo.InvariantCulture,
                        $"{p.Unit.Id}: {p.Normalised:0.00}{(p.Flagged ? " (flagged)" : "")}")));
                return new NumericMetric(metric.Title, parts.Normalised, reason)
                {
                    Interpretation = parts.Normalised is { } value ? Interpret(value) : new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, false, "nothing to grade"),
                };
            }
            case JudgeFailure failure:
            {
                var numeric = new NumericMetric(metric.Title, null, failure.Message)
                {
                    Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Unknown, true, failure.Message),
                };
                numeric.AddDiagnostics(EvaluationDiagnostic.Error(failure.RawOutput is null ? failure.Message : $"{failure.Message}\n--- judge output ---\n{failure.RawOutput}"));
                numeric.AddOrUpdateMetadata(FailureMetadata, failure.Kind.ToString());
                return numeric;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown judge outcome");
        }
    }

    /// <summary>Exceptional at 1, then good, average and poor by thirds, unacceptable at 0; failed below a half.</summary>
    static EvaluationMetricInterpretation Interpret(double normalised)
    {
        var rating = normalised switch
        {
            >= 1 - 1e-9 => EvaluationRating.Exceptional,
            >= 2.0 / 3 - 1e-9 => EvaluationRating.Good,
            >= 1.0 / 3 - 1e-9 => EvaluationRating.Average,
            > 0 => EvaluationRating.Poor,
            _ => EvaluationRating.Unacceptable,
        };
        return new EvaluationMetricInterpretation(rating, normalised < 0.5);
    }
}
