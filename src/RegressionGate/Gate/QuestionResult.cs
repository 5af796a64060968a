using RegressionGate.Answers;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>Everything one golden question produced in a run, next to its verified baseline.</summary>
/// <param name="Question">The golden question.</param>
/// <param name="Ranking">This run's top-k.</param>
/// <param name="Baseline">The verified retrieval snapshot as it was before the run, if there was one.</param>
/// <param name="Overlap">Rank-biased overlap of this run's ids with the baseline's (null without a baseline).</param>
/// <param name="Retrieval">Verdict on the retrieval snapshot: passed, or each reason it failed.</param>
/// <param name="Judged">The labelled metric's (answer relevance's) outcome; null when the question has no answer to judge.</param>
/// <param name="JudgeBaseline">The verified judge snapshot before the run, if there was one.</param>
/// <param name="Judgment">Verdict on the judge snapshot, or the judge failure; null when nothing was judged. The same check is in <see cref="Metrics"/>.</param>
public sealed record QuestionResult(
    GoldenQuestion Question,
    IReadOnlyList<RankedSegment> Ranking,
    RetrievalSnapshot? Baseline,
    double? Overlap,
    Verdict Retrieval,
    JudgeOutcome? Judged,
    JudgeSnapshot? JudgeBaseline,
    Verdict? Judgment)
{
    /// <summary>The answer the metrics graded, or why there is none; null when the question has no answer to grade.</summary>
    public AnswerOutcome? Answer { get; init; }

    /// <summary>The verified answer snapshot before the run (answers the run produces).</summary>
    public Snapshots.AnswerSnapshot? AnswerBaseline { get; init; }

    /// <summary>The produced answer against its snapshot, or the answer failure; null for golden answers.</summary>
    public Verdict? AnswerCheck { get; init; }

    /// <summary>Every configured metric's check, in order, answer relevance's included.</summary>
    public IReadOnlyList<MetricCheck> Metrics { get; init; } = [];

    /// <summary>The check of the metric named <paramref name="name"/>, if it is configured.</summary>
    public MetricCheck? Metric(string name) => Metrics.FirstOrDefault(m => m.Metric.Name == name);

    /// <summary>The retrieval, the produced answer and every metric (where there was one) passed.</summary>
    public bool Passed => Retrieval.Passed && (Judgment?.Passed ?? true) && (AnswerCheck?.Passed ?? true) && Metrics.All(m => m.Passed);
}

/// <summary>The two checks of one question: its retrieval top-k and, where it has an answer, its judgment.</summary>
public enum QuestionCheck
{
    /// <summary>The question's top-k against its verified ranking.</summary>
    Retrieval,
    /// <summary>The judgment of its answer against the verified judgment.</summary>
    Judgment,
}
