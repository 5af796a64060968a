using RegressionGate.Answers;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Gate;

/// <summary>What retrieval and judging produced for a golden set, before any comparison with snapshots.</summary>
/// <param name="Input">The golden set and settings that were evaluated.</param>
/// <param name="Retriever">The identity of the retriever that ranked.</param>
/// <param name="Judge">The identity of the labelled metric's judge (answer relevance), else of the first metric's; null when nothing was judged.</param>
/// <param name="LlmMode">The recording mode judging used, or <c>none</c> when no model was involved.</param>
/// <param name="Rankings">Each question's top-k, by question id.</param>
/// <param name="Judged">Each answered question's judgment or judge failure on the labelled metric (answer relevance), by question id.</param>
/// <param name="Recordings">LLM recordings used, counted by provenance source.</param>
/// <param name="Elapsed">How long retrieval and judging took.</param>
public sealed record GateEvaluation(
    GateInput Input,
    RetrieverIdentity Retriever,
    JudgeIdentity? Judge,
    string LlmMode,
    IReadOnlyDictionary<string, IReadOnlyList<RankedSegment>> Rankings,
    IReadOnlyDictionary<string, JudgeOutcome> Judged,
    IReadOnlyDictionary<string, int> Recordings,
    TimeSpan Elapsed)
{
    /// <summary>The golden set that was evaluated.</summary>
    public GoldenSet Golden => Input.Golden;

    /// <summary>The settings it was evaluated under.</summary>
    public GateSettings Settings => Input.Settings;

    /// <summary>Where the answers under test came from.</summary>
    public AnswerIdentity AnswerSource { get; init; } = new GoldenAnswers().Identity;

    /// <summary>Each question's answer under test (or why there is none), by question id; absent when it has none to grade.</summary>
    public IReadOnlyDictionary<string, AnswerOutcome> Answers { get; init; } = new Dictionary<string, AnswerOutcome>();

    /// <summary>Each question's metrics, in the order they are configured, by question id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GradedMetric>> Metrics { get; init; } = new Dictionary<string, IReadOnlyList<GradedMetric>>();

    /// <summary>The configured metrics and who judged each, in order.</summary>
    public IReadOnlyList<MetricJudgeIdentity> MetricJudges { get; init; } = [];

    /// <summary>
    /// What <see cref="Judge"/> and <see cref="Judged"/> hold, from the graded metrics: the labelled metric's judge (else
    /// the first metric's) and each question's outcome on the labelled metric. A run and a merge of shards both derive
    /// them here, so a merged evaluation cannot pick another judge or outcome than the unsharded run would.
    /// </summary>
    internal static (JudgeIdentity? Judge, IReadOnlyDictionary<string, JudgeOutcome> Judged) Labelled(
        IReadOnlyList<MetricJudgeIdentity> judges, IReadOnlyDictionary<string, IReadOnlyList<GradedMetric>> metrics)
    {
        var labelled = judges.FirstOrDefault(j => j.Metric.Labelled);
        var judged = labelled is null
            ? []
            : metrics.Select(m => (Id: m.Key, m.Value.Single(g => g.Metric == labelled.Metric).Outcome))
                .Where(m => m.Outcome is not null)
                .ToDictionary(m => m.Id, m => m.Outcome!, StringComparer.Ordinal);
        return ((labelled ?? judges.FirstOrDefault())?.Judge, judged);
    }
}

/// <summary>A configured metric and the identity of the judge that graded it.</summary>
public sealed record MetricJudgeIdentity(Judging.Metrics.JudgeMetric Metric, JudgeIdentity Judge);
