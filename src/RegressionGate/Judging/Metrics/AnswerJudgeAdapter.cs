namespace RegressionGate.Judging.Metrics;

/// <summary>An extension's judge of whole answers, grading a labelled metric: it is asked for the question and the answer.</summary>
internal sealed class AnswerJudgeAdapter(JudgeMetric metric, IAnswerJudge judge) : IMetricJudge
{
    public JudgeMetric Metric => metric;

    public JudgeIdentity Identity => judge.Identity;

    public Task<JudgeOutcome> JudgeAsync(MetricSubject subject, CancellationToken cancellationToken = default) =>
        judge.JudgeAsync(subject.Question, subject.Answer ?? "", cancellationToken);
}
