using RegressionGate.Answers;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>One whole run of the gate over a golden set: per-question results, aggregates against their baseline, verdict.</summary>
/// <param name="Agreement">Judge-vs-human agreement with intervals, over answers that have a manual label and a judgment.</param>
/// <param name="RetrievalIntervals">Bootstrap 95% intervals of recall, MRR and nDCG over questions.</param>
/// <param name="Recordings">LLM recordings this run replayed or wrote, counted by provenance source.</param>
public sealed record GateResult(
    GateInput Input,
    RetrieverIdentity Retriever,
    JudgeIdentity? Judge,
    string LlmMode,
    IReadOnlyList<QuestionResult> Questions,
    SummarySnapshot Summary,
    SummarySnapshot? SummaryBaseline,
    Verdict SummaryVerdict,
    AgreementReport? Agreement,
    RetrievalIntervals? RetrievalIntervals,
    IReadOnlyDictionary<string, int> Recordings,
    TimeSpan Elapsed)
{
    /// <summary>The golden set the gate ran over.</summary>
    public GoldenSet Golden => Input.Golden;

    /// <summary>The settings it ran under.</summary>
    public GateSettings Settings => Input.Settings;

    /// <summary>Every question's retrieval and judgment, and the aggregates, passed.</summary>
    public bool Passed => SummaryVerdict.Passed && Questions.All(q => q.Passed);

    public QuestionResult For(string questionId) =>
        Questions.FirstOrDefault(q => q.Question.Id == questionId)
        ?? throw new KeyNotFoundException($"question '{questionId}' is not in the golden set at {Golden.Directory}");

    public IEnumerable<QuestionResult> Failing => Questions.Where(q => !q.Passed);

    /// <summary>Where the answers under test came from.</summary>
    public AnswerIdentity AnswerSource { get; init; } = new GoldenAnswers().Identity;

    /// <summary>The configured metrics and who judged each, in order.</summary>
    public IReadOnlyList<MetricJudgeIdentity> MetricJudges { get; init; } = [];

    /// <summary>Bootstrap 95% intervals of each metric's mean over the questions it graded, by metric name.</summary>
    public IReadOnlyDictionary<string, Interval> MetricIntervals { get; init; } = new Dictionary<string, Interval>();
}
