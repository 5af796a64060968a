using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// What a summary's aggregates were measured over: which questions, which judged answers (those with a manual label),
/// by which retriever and which judge. Aggregates over other questions or from another retriever or judge are no
/// baseline for each other, so a change here makes the summary differ even when every number holds.
/// </summary>
/// <param name="Answers">The questions whose judged answer was compared with a manual label; empty when none was.</param>
/// <param name="Judge">Null when the run judged nothing.</param>
public sealed record SummaryBasis(IdSet Questions, RetrieverIdentity Retriever, IdSet Answers, JudgeIdentity? Judge)
{
    /// <summary>What differs from <paramref name="before"/>, one message per part, in the words the comparer reports.</summary>
    internal IReadOnlyList<string> ChangesFrom(SummaryBasis before)
    {
        var changes = new List<string>();
        if (Questions != before.Questions)
            changes.Add($"measured over other questions: {Questions.ChangeFrom(before.Questions)} questions");
        if (Answers != before.Answers)
            changes.Add($"measured over other judged answers: {Answers.ChangeFrom(before.Answers)} answers with a manual label");
        var retriever = Retriever.ChangesFrom(before.Retriever);
        if (retriever.Count > 0) changes.Add($"retriever changed: {string.Join("; ", retriever)}");
        var judge = (before.Judge, Judge) switch
        {
            (null, null) => [],
            (null, { } now) => [$"now judged by {now.Kind}"],
            ({ } was, null) => [$"no longer judged (was {was.Kind})"],
            var (was, now) => now!.ChangesFrom(was!),
        };
        if (judge.Count > 0) changes.Add(before.Judge is not null && Judge is not null ? $"judge changed: {string.Join("; ", judge)}" : judge[0]);
        return changes;
    }
}
