using System.Globalization;
using System.Text;
using RegressionGate.Formatting;
using RegressionGate.Gate;

namespace RegressionGate.Reports;

/// <summary>
/// A run in plain text for a terminal, a CI log and the test output: the verdict, then the aggregates against their
/// baseline, then the causes with the questions they affect, then the few questions whose own lines add something.
/// A retriever change on 56 questions is one cause line here, not 56 question lines.
/// </summary>
public static class TextReport
{
    /// <summary>Question lines shown before the rest are counted and left to the reports.</summary>
    public const int QuestionLines = 10;

    /// <summary>Question ids named on a cause's line before the rest are counted.</summary>
    const int IdsShown = 8;

    const int LineChars = 240;

    /// <summary>Verdict, aggregates, causes and questions; <paramref name="reportPath"/> is where the lines left out are.</summary>
    public static string Summary(GateResult result, string reportPath = GateReports.MarkdownFile)
    {
        var text = new StringBuilder();
        Verdict(text, result);
        Aggregates(text, result);
        Causes(text, result);
        Questions(text, result, reportPath);
        return text.ToString();
    }

    /// <summary>
    /// The message of one failing question's check (a failing theory row): the question, its causes, every reason, and
    /// for retrieval the verified and current top-k side by side.
    /// </summary>
    public static string Question(GateResult result, QuestionResult question, QuestionCheck check)
    {
        var verdict = check == QuestionCheck.Retrieval ? question.Retrieval : question.Judgment;
        var text = new StringBuilder($"question {question.Question.Id} «{question.Question.Text}»\n");
        var causes = result.Causes.Where(c => c.Failures.Contains(new CausedFailure(question.Question.Id, check))).ToList();
        if (causes.Count > 0) text.Append(causes.Count == 1 ? "cause: " : "causes: ").Append(string.Join("; ", causes.Select(c => c.Description))).Append('\n');
        text.Append(verdict?.ToString() ?? "no answer to judge").Append('\n');
        if (check == QuestionCheck.Retrieval && verdict is { Passed: false } && question.RankingChange(result) is { } change)
            text.Append(RankingTable.Text(change, question.ScoresNotComparable(result)));
        return text.ToString().TrimEnd('\n');
    }

    static void Verdict(StringBuilder text, GateResult result)
    {
        var questions = result.Questions;
        text.Append(Invariant($"{(result.Shard is { } shard ? $"gate shard {shard} (partial)" : "gate")} {(result.Passed ? "passed" : "FAILED")}: {questions.Count} {Headline.Plural(questions.Count, "question")} · "))
            .Append(Invariant($"retrieval {questions.Count(q => q.Retrieval.Passed)}/{questions.Count} ok · "))
            .Append(Invariant($"judgments {questions.Count(q => q.Judgment?.Passed == true)}/{questions.Count(q => q.Judgment is not null)} ok · "));
        var answers = questions.Where(q => q.AnswerCheck is not null).ToList();
        if (answers.Count > 0) text.Append(Invariant($"answers {answers.Count(q => q.AnswerCheck!.Passed)}/{answers.Count} ok · "));
        var metricChecks = questions.SelectMany(q => q.Metrics.Where(m => !m.Metric.Labelled && m.Verdict is not null)).ToList();
        if (metricChecks.Count > 0) text.Append(Invariant($"metric checks {metricChecks.Count(m => m.Passed)}/{metricChecks.Count} ok · "));
        text
            .Append($"aggregates {(result.Shard is not null ? "left to merge" : result.SummaryVerdict.Passed ? "ok" : "FAILED")} ")
            .Append(result.Elapsed.TotalSeconds.ToString("(0.0 s)", CultureInfo.InvariantCulture)).Append('\n');
    }

    static void Aggregates(StringBuilder text, GateResult result)
    {
        var rows = AggregateRow.From(result).Where(r => r.Baseline is not null || r.Current is not null).ToList();
        if (rows.Count == 0) return;
        var nameWidth = rows.Max(r => r.Name.Length);
        text.Append("aggregates".PadRight(nameWidth + 2)).Append("  baseline → current         Δ   95% interval     status\n");
        foreach (var row in rows)
        {
            text.Append("  ").Append(row.Name.PadRight(nameWidth + 2))
                .Append(ReportNumbers.Score(row.Baseline).PadLeft(8)).Append(" → ").Append(ReportNumbers.Score(row.Current).PadRight(7))
                .Append((row.Delta is { } d ? ReportNumbers.Delta(d) : "—").PadLeft(9)).Append("   ")
                .Append(ReportNumbers.Interval(row.Interval).PadRight(15)).Append("  ")
                .Append(row.Failed ? "FAILED: " : "").Append(row.Describe()).Append('\n');
        }
        // A move beyond tolerance is its row above, said again in words; only the other failures (a changed basis, a
        // floor's value) add something in a terminal. The Markdown and HTML reports list them all.
        var moved = rows.Where(r => r.Status is AggregateStatus.BelowBaseline or AggregateStatus.AboveBaseline).Select(r => r.Name + ": ").ToList();
        foreach (var failure in result.SummaryVerdict.Failures.Where(f => !moved.Any(prefix => f.StartsWith(prefix, StringComparison.Ordinal))))
            text.Append("  aggregate check failed: ").Append(Excerpt.Line(failure, LineChars)).Append('\n');
    }

    static void Causes(StringBuilder text, GateResult result)
    {
        if (result.Causes.Count == 0) return;
        text.Append("causes:\n");
        foreach (var cause in result.Causes) text.Append("  ").Append(CauseLine(cause)).Append('\n');
    }

    /// <summary><c>segment 1009 text changed: 6 questions (retrieval): 105, 221, 233, 245, 249, 253</c>.</summary>
    internal static string CauseLine(Cause cause)
    {
        var ids = cause.QuestionIds;
        var checks = string.Join(", ", cause.Checks.Select(c => c.Name()));
        var named = string.Join(", ", ids.Take(IdsShown)) + (ids.Count > IdsShown ? ", …" : "");
        return Invariant($"{cause.Description}: {ids.Count} {Headline.Plural(ids.Count, "question")} ({checks}): {named}");
    }

    static void Questions(StringBuilder text, GateResult result, string reportPath)
    {
        // Questions whose causes change every question alike, or that only miss recordings other questions miss too,
        // say nothing their cause lines do not.
        var lines = result.Failing.Where(q => !q.ToldByCauses(result)).SelectMany(LinesOf).ToList();
        if (lines.Count == 0) return;
        text.Append("failing questions:\n");
        foreach (var line in lines.Take(QuestionLines)) text.Append(line).Append('\n');
        if (lines.Count > QuestionLines)
            text.Append(Invariant($"  … {lines.Count - QuestionLines} more in {reportPath}\n"));
    }

    /// <summary>
    /// A failing question's lines: its retrieval and judgment each in words, and the checks downstream of them (the
    /// produced answer, the other metrics: a changed ranking fails them too) named at the end of the first line rather
    /// than a line each. The report holds their reasons.
    /// </summary>
    static IEnumerable<string> LinesOf(QuestionResult question)
    {
        var failing = question.Checks().Where(c => !c.Verdict.Passed).ToList();
        var told = failing.Where(c => c.Check is QuestionCheck.Retrieval or QuestionCheck.Judgment).ToList();
        if (told.Count == 0) told = failing.Take(1).ToList();
        var named = failing.Except(told).Select(c => c.Stage).ToList();
        for (var i = 0; i < told.Count; i++)
        {
            var also = i == 0 && named.Count > 0 ? $" (also failing: {string.Join(", ", named)})" : "";
            var reason = string.Join("; ", told[i].Verdict.Failures.Select(Excerpt.FirstLine));
            yield return $"  {question.Question.Id} {told[i].Stage}: {Excerpt.Line(reason, Math.Max(40, LineChars - also.Length))}{also}";
        }
    }

    static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
