namespace RegressionGate.Judging.Metrics;

/// <summary>Grades one metric for a question. Built once per run, then asked per question, possibly concurrently.</summary>
internal interface IMetricJudge
{
    /// <summary>The metric this judge grades.</summary>
    JudgeMetric Metric { get; }

    /// <summary>Every setting that changes the verdict (kind, model, prompt version…); snapshots compare it.</summary>
    JudgeIdentity Identity { get; }

    /// <summary>
    /// A <see cref="Judgment"/> (labelled metrics) or <see cref="MetricJudgment"/>, or a <see cref="JudgeFailure"/> for
    /// this question only (unreadable output, missing recording, failed call). The subject must hold the metric's
    /// <see cref="JudgeMetric.Inputs"/>. Configuration problems and cancellation are thrown.
    /// </summary>
    Task<JudgeOutcome> JudgeAsync(MetricSubject subject, CancellationToken cancellationToken = default);
}
