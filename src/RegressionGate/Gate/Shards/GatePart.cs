using RegressionGate.Answers;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Sharding;

namespace RegressionGate.Gate.Shards;

/// <summary>
/// What one shard hands to <c>merge</c> (<see cref="FileName"/> in its <c>--out</c>): its evaluation's raw results —
/// each of its questions' ranking with exact scores and its judge outcome — with the identities that produced them and
/// the fingerprint of the run. Merge recomputes every aggregate, interval and verdict from these, never from a shard's
/// aggregates.
/// </summary>
/// <param name="Shard">Which shard wrote it.</param>
/// <param name="Fingerprint">The golden set, settings and overrides it ran under.</param>
/// <param name="Retriever">The retriever's identity.</param>
/// <param name="AnswerSource">Where the answers under test came from.</param>
/// <param name="MetricJudges">The metrics the shard graded (those with something to grade in its slice) and their judges, by metric name.</param>
/// <param name="LlmMode">The recording mode judging used, or <c>none</c>.</param>
/// <param name="Recordings">LLM recordings the shard used, by provenance source.</param>
/// <param name="Elapsed">How long the shard's retrieval and judging took.</param>
/// <param name="Questions">The shard's questions, in golden-set order.</param>
internal sealed record GatePart(
    Shard Shard,
    GateFingerprint Fingerprint,
    RetrieverIdentity Retriever,
    AnswerIdentity AnswerSource,
    IReadOnlyList<(string Metric, JudgeIdentity Judge)> MetricJudges,
    string LlmMode,
    IReadOnlyDictionary<string, int> Recordings,
    TimeSpan Elapsed,
    IReadOnlyList<GatePart.Question> Questions)
{
    /// <summary>The part file's name in a shard's <c>--out</c>.</summary>
    public const string FileName = "gate-part.json";

    /// <summary>The part file's schema; merge refuses any other.</summary>
    public const string Schema = "regression-gate/part/v1";

    /// <summary>One question's raw results.</summary>
    /// <param name="Id">The question's id.</param>
    /// <param name="Ranking">Its top-k, scores exact.</param>
    /// <param name="Answer">Its answer under test, or why there is none; null when it has none to grade.</param>
    /// <param name="Metrics">Each metric's outcome (null where it had nothing to grade), by metric name, in the order configured.</param>
    internal sealed record Question(string Id, IReadOnlyList<RankedSegment> Ranking, AnswerOutcome? Answer,
        IReadOnlyList<(string Metric, JudgeOutcome? Outcome)> Metrics);

    /// <summary>The part of a shard's evaluation.</summary>
    public static GatePart From(GateEvaluation evaluation, Shard shard, GateFingerprint fingerprint) => new(
        shard,
        fingerprint,
        evaluation.Retriever,
        evaluation.AnswerSource,
        evaluation.MetricJudges.Select(j => (j.Metric.Name, j.Judge)).ToList(),
        evaluation.LlmMode,
        evaluation.Recordings,
        evaluation.Elapsed,
        evaluation.Golden.Questions
            .Select(q => new Question(q.Id, evaluation.Rankings[q.Id], evaluation.Answers.GetValueOrDefault(q.Id),
                evaluation.Metrics.GetValueOrDefault(q.Id, []).Select(m => (m.Metric.Name, m.Outcome)).ToList()))
            .ToList());
}
