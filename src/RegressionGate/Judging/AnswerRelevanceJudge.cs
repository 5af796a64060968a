using Microsoft.Extensions.AI;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Judging;

/// <summary>
/// The LLM Answer Relevance judge: the <see cref="AnswerRelevanceMetric"/> graded by an <see cref="LlmMetricJudge"/>,
/// asking <paramref name="client"/> <paramref name="repeats"/> times (one after another, so a runner's parallelism
/// bounds the calls in flight) and letting the median score decide.
/// </summary>
/// <param name="client">Usually the recording client, so every call is recorded or replayed.</param>
/// <param name="model">The model or deployment the client talks to; part of the identity (the key carries it separately).</param>
internal sealed class AnswerRelevanceJudge(IChatClient client, string model, int repeats, LabelThresholds labels) : IAnswerJudge, IMetricJudge
{
    /// <summary>
    /// The kind's name in <c>gate.json</c>: the LLM judge, which grades every configured metric with its rubric. It is
    /// named for the metric it was first written for, and its answer-relevance identities say so.
    /// </summary>
    public const string Kind = AnswerRelevanceMetric.MetricName;

    readonly LlmMetricJudge judge = new(AnswerRelevanceMetric.Default, client, model, repeats, labels);

    public JudgeIdentity Identity => judge.Identity;

    public JudgeMetric Metric => judge.Metric;

    /// <summary>The request for repeat <paramref name="repeat"/> (1-based) of one answer: rubric, temperature 0, prompt version and repeat tags.</summary>
    public static JudgeRequest Request(string question, string answer, int repeat = 1) =>
        AnswerRelevanceMetric.Default.Request(new MetricSubject("", question, answer, []), new MetricUnit("answer", answer), repeat);

    public Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default) =>
        judge.JudgeAsync(new MetricSubject("", question, answer, []), cancellationToken);

    public Task<JudgeOutcome> JudgeAsync(MetricSubject subject, CancellationToken cancellationToken = default) =>
        judge.JudgeAsync(subject, cancellationToken);
}
