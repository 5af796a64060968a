using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Reports;

/// <summary>What the reports read off a run's result beyond its verdicts, the same way in every report.</summary>
internal static class ResultFacts
{
    /// <summary>This run's judgment; null when the answer was not judged or the judge failed.</summary>
    public static Judgment? CurrentJudgment(this QuestionResult question) => question.Judged as Judgment;

    /// <summary>The judge failure, when judging this answer failed.</summary>
    public static JudgeFailure? JudgeFailure(this QuestionResult question) => question.Judged as JudgeFailure;

    /// <summary>People labelled the answer and the judge's automated label differs.</summary>
    public static bool Disagrees(this QuestionResult question) =>
        question.Question.Manual is { } manual && question.CurrentJudgment() is { } judgment && judgment.Label != manual;

    /// <summary>Recall, reciprocal rank and nDCG of this question's top-k; null when it has no relevant segments.</summary>
    public static QuestionMetrics? Metrics(this QuestionResult question, int k)
    {
        var relevant = question.Question.Relevant;
        if (relevant.Count == 0) return null;
        var ids = question.Ranking.OrderBy(r => r.Rank).Select(r => r.Id).ToList();
        return new QuestionMetrics(
            RetrievalMetrics.RecallAtK(ids, relevant, k),
            RetrievalMetrics.ReciprocalRankAtK(ids, relevant, k),
            RetrievalMetrics.NdcgAtK(ids, relevant, k));
    }

    /// <summary>
    /// The question's checks: retrieval always, the produced answer where the run produced one, judgment (answer
    /// relevance) when an answer was judged, then each other metric that graded something, named by its metric.
    /// <c>Check</c> says which kind it is; <c>Stage</c> is its name in reports.
    /// </summary>
    public static IEnumerable<(QuestionCheck Check, string Stage, Verdict Verdict)> Checks(this QuestionResult question)
    {
        yield return (QuestionCheck.Retrieval, QuestionCheck.Retrieval.Name(), question.Retrieval);
        if (question.AnswerCheck is { } answer) yield return (QuestionCheck.Answer, QuestionCheck.Answer.Name(), answer);
        if (question.Judgment is { } judgment) yield return (QuestionCheck.Judgment, QuestionCheck.Judgment.Name(), judgment);
        foreach (var check in question.Metrics.Where(m => !m.Metric.Labelled))
        {
            if (check.Verdict is { } verdict) yield return (QuestionCheck.Metric, check.Metric.Name, verdict);
        }
    }

    /// <summary>The check as reports name it: <c>retrieval</c>, <c>judgment</c>, <c>answer</c>, <c>metrics</c>.</summary>
    public static string Name(this QuestionCheck check) => check switch
    {
        QuestionCheck.Retrieval => "retrieval",
        QuestionCheck.Judgment => "judgment",
        QuestionCheck.Answer => "answer",
        _ => "metrics",
    };

    /// <summary>
    /// How the question's ranking changed from its verified one, with its relevant segments starred; null without a
    /// verified ranking.
    /// </summary>
    public static RankingChange? RankingChange(this QuestionResult question, GateResult result) =>
        question.Baseline is { } baseline
            ? Snapshots.RankingChange.Between(baseline.Ranking, question.Ranking, question.Question.Relevant, result.K())
            : null;

    /// <summary>Why the verified and current scores cannot be read against each other; null when they can (or there is no baseline).</summary>
    public static string? ScoresNotComparable(this QuestionResult question, GateResult result) =>
        question.Baseline is { } baseline && !result.Retriever.ScoresComparableWith(baseline.Retriever)
            ? RetrievalComparer.NotComparable(baseline.Retriever, result.Retriever)
            : null;

    /// <summary>
    /// Whether the question fails only through causes that change every question alike (another retriever or judge):
    /// its own lines would repeat the cause, so short listings leave it out.
    /// </summary>
    public static bool OnlySetWide(this QuestionResult question, GateResult result)
    {
        // Causes of its retrieval and judgment: a produced answer or metric failing beside them follows from the same
        // change (a ranking without recordings for the segments that entered), not from the question itself.
        var id = question.Question.Id;
        var causes = result.CausesOf(question)
            .Where(c => c.Failures.Any(f => f.QuestionId == id && f.Check is QuestionCheck.Retrieval or QuestionCheck.Judgment))
            .ToList();
        return causes.Count > 0 && causes.All(c => c.SetWide);
    }

    /// <summary>
    /// Whether the cause lines already say all there is about the question's failures: every cause changes every
    /// question alike, or is a metric's or answer's judge failure shared with other questions ("no recording of a
    /// context-relevance request: 56 questions"). Short listings (the console) leave such a question out; a failing
    /// judgment keeps its line, whose words (a timeout naming its setting) the cause line does not repeat.
    /// </summary>
    public static bool ToldByCauses(this QuestionResult question, GateResult result)
    {
        var causes = result.CausesOf(question).ToList();
        return causes.Count > 0 && causes.All(c => c.SetWide || c.Kind == CauseKind.JudgeFailed && c.QuestionIds.Count > 1
            && c.Failures.All(f => f.Check is QuestionCheck.Answer or QuestionCheck.Metric));
    }

    /// <summary>The metrics that grade something besides the labelled one: when there are any, reports show the triad.</summary>
    public static bool HasTriad(this GateResult result) => result.MetricJudges.Any(j => !j.Metric.Labelled);

    /// <summary>Recordings by provenance: authored, imported and recorded always (zero when unused), then any other source by name.</summary>
    public static IEnumerable<KeyValuePair<string, int>> RecordingsByProvenance(this GateResult result)
    {
        string[] known = [RecordingProvenance.AuthoredSource, RecordingProvenance.ImportedSource, RecordingProvenance.RecordedSource];
        foreach (var source in known) yield return new(source, result.Recordings.GetValueOrDefault(source));
        foreach (var (source, count) in result.Recordings.Where(p => !known.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            yield return new(source, count);
    }

    /// <summary>The questions whose manual and automated labels differ, in golden-set order.</summary>
    public static IReadOnlyList<QuestionResult> Disagreements(this GateResult result) => result.Questions.Where(Disagrees).ToList();

    /// <summary>The k the run retrieved: the summary's, else the settings'.</summary>
    public static int K(this GateResult result) => result.Summary.Retrieval?.K ?? result.Settings.Retriever.K;

    /// <summary>Every received snapshot the run wrote, questions first (in golden-set order), the summary last.</summary>
    public static IReadOnlyList<string> ReceivedSnapshots(this GateResult result) =>
        result.Questions.SelectMany(q => q.Checks().Select(c => c.Verdict.ReceivedPath))
            .Append(result.SummaryVerdict.ReceivedPath)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

/// <summary>One question's retrieval quality against its relevant segments.</summary>
internal sealed record QuestionMetrics(double Recall, double ReciprocalRank, double Ndcg);
