using RegressionGate.Answers;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>One whole run of the gate over a golden set: per-question results, aggregates against their baseline, verdict.</summary>
/// <param name="Input">The golden set and settings the gate ran over.</param>
/// <param name="Retriever">The identity of the retriever that ranked.</param>
/// <param name="Judge">The identity of the judge, or null when no answer was judged.</param>
/// <param name="LlmMode">The recording mode judging used (<c>replay</c>, <c>record</c>…), or <c>none</c> when no model was involved.</param>
/// <param name="Questions">Every question's result, in golden-set order.</param>
/// <param name="Summary">This run's aggregates: recall, MRR and nDCG at k, and the judge's agreement with people.</param>
/// <param name="SummaryBaseline">The verified aggregates as they were before the run, if there were any.</param>
/// <param name="SummaryVerdict">Whether the aggregates held against their baseline and floors.</param>
/// <param name="Agreement">Judge-vs-human agreement with intervals, over answers that have a manual label and a judgment.</param>
/// <param name="RetrievalIntervals">Bootstrap 95% intervals of recall, MRR and nDCG over questions.</param>
/// <param name="Recordings">LLM recordings this run replayed or wrote, counted by provenance source.</param>
/// <param name="Elapsed">How long the whole run took.</param>
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
    /// <summary>
    /// The shard this result is part of (its <see cref="Questions"/> are that shard's only, and its aggregates are not
    /// gated), or null for a whole run, merged or not.
    /// </summary>
    internal Sharding.Shard? Shard { get; init; }

    /// <summary>The golden set the gate ran over.</summary>
    public GoldenSet Golden => Input.Golden;

    /// <summary>The settings it ran under.</summary>
    public GateSettings Settings => Input.Settings;

    /// <summary>Every question's retrieval and judgment, and the aggregates, passed.</summary>
    public bool Passed => SummaryVerdict.Passed && Questions.All(q => q.Passed);

    /// <summary>The result of the question with this id; throws <see cref="KeyNotFoundException"/> for an id not in the golden set.</summary>
    public QuestionResult For(string questionId) =>
        Questions.FirstOrDefault(q => q.Question.Id == questionId)
        ?? throw new KeyNotFoundException($"question '{questionId}' is not in the golden set at {Golden.Directory}");

    /// <summary>The questions whose retrieval or judgment failed, in golden-set order.</summary>
    public IEnumerable<QuestionResult> Failing => Questions.Where(q => !q.Passed);

    IReadOnlyList<Cause>? causes;

    /// <summary>
    /// Why the failing checks failed, grouped: one cause per change (another retriever, an edited segment, a judge
    /// failure…) with the questions it affects, those affecting most questions first. Found once, on first use; every
    /// report shows this list.
    /// </summary>
    public IReadOnlyList<Cause> Causes => causes ??= FailureCauses.Find(this);

    /// <summary>The causes of <paramref name="question"/>'s failing checks.</summary>
    public IEnumerable<Cause> CausesOf(QuestionResult question) => Causes.Where(c => c.Affects(question.Question.Id));

    /// <summary>Where the answers under test came from.</summary>
    public AnswerIdentity AnswerSource { get; init; } = new GoldenAnswers().Identity;

    /// <summary>The configured metrics and who judged each, in order.</summary>
    public IReadOnlyList<MetricJudgeIdentity> MetricJudges { get; init; } = [];

    /// <summary>Bootstrap 95% intervals of each metric's mean over the questions it graded, by metric name.</summary>
    public IReadOnlyDictionary<string, Interval> MetricIntervals { get; init; } = new Dictionary<string, Interval>();
}
