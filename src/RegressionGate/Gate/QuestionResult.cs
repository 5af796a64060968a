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
/// <param name="Judged">The judge's outcome; null when the question has no answer to judge.</param>
/// <param name="JudgeBaseline">The verified judge snapshot before the run, if there was one.</param>
/// <param name="Judgment">Verdict on the judge snapshot, or the judge failure; null when nothing was judged.</param>
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
    /// <summary>Both the retrieval and (where there was one) the judgment passed.</summary>
    public bool Passed => Retrieval.Passed && (Judgment?.Passed ?? true);
}
