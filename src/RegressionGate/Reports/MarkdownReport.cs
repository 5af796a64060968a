using System.Globalization;
using System.Text;
using RegressionGate.Formatting;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Reports;

/// <summary>
/// <c>gate-report.md</c>, for a GitHub job summary or pull-request comment: the verdict on the first line, then the
/// aggregates against the baseline (what a reviewer decides on, in the first screen), the causes of the failures with
/// the questions they affect, the failing questions with their reasons and before/after rankings, the confusion
/// matrix, every disagreement with the judge's reasoning, recordings by provenance, identities and how to approve. It
/// stays within a byte budget (GitHub refuses a step summary over 1 MiB, a comment over 65,536 characters): failing
/// questions' reasons come first, then one line per disagreement, then the details; whatever does not fit is named in a
/// note that points to the JSON and HTML reports.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>GitHub's limit for one step's job summary, in bytes.</summary>
    public const int GitHubSummaryLimit = 1024 * 1024;

    /// <summary>The default budget: under GitHub's limit with room for lines a workflow adds around the report.</summary>
    public const int DefaultBudget = GitHubSummaryLimit - 16 * 1024;

    /// <summary>Room kept for the notes that say what was left out.</summary>
    const int NoteReserve = 2048;

    const int QuestionChars = 160;
    const int ReasonChars = 1000;
    const int AnswerChars = 400;
    const int DetailChars = 8000;
    const int CauseIds = 60;
    const string Elsewhere = $"{GateReports.JsonFile} and {GateReports.HtmlFile}";

    /// <summary>Questions the triad table lists at most; the rest are in the JSON and HTML reports.</summary>
    public const int TriadRows = 200;

    public static string Render(GateResult result, int budgetBytes = DefaultBudget) =>
        Render(result, budgetBytes, "to stay under GitHub's 1 MiB job-summary limit");

    /// <summary>Within <paramref name="budgetBytes"/>; <paramref name="why"/> ends the note's "Shortened" sentence.</summary>
    internal static string Render(GateResult result, int budgetBytes, string why)
    {
        List<IReadOnlyList<ReportItem>> lists =
        [
            result.Failing.Select(q => FailingItem(result, q)).ToList(),
            result.Disagreements().Select(DisagreementItem).ToList(),
        ];
        var none = lists.Select(list => new Detail[list.Count]).ToList();
        var skeleton = DetailBudget.Bytes(Compose(result, lists, none, why));
        var levels = DetailBudget.Allot(lists, budgetBytes - skeleton - NoteReserve);
        return Compose(result, lists, levels, why);
    }

    static string Compose(GateResult result, IReadOnlyList<IReadOnlyList<ReportItem>> lists, IReadOnlyList<Detail[]> levels, string why)
    {
        var failing = lists[0];
        var disagreements = lists[1];
        var text = new StringBuilder();
        text.Append("## ").Append(Headline.Symbol(result)).Append(' ').Append(Headline.For(result)).Append("\n\n");
        text.Append(Overview(result)).Append("\n\n");
        var shortened = Shortened(levels);
        if (shortened is not null) text.Append("> **Shortened** ").Append(why).Append(": ").Append(shortened).Append("\n\n");

        Aggregates(text, result);
        Causes(text, result);
        if (failing.Count > 0)
        {
            text.Append("### Failing questions (").Append(Count(failing.Count)).Append(")\n\n");
            Items(text, failing, levels[0], "failing questions");
        }
        Triad(text, result);
        Confusion(text, result);
        if (disagreements.Count > 0)
        {
            text.Append("### Disagreements: manual ≠ automated (").Append(Count(disagreements.Count)).Append(")\n\n");
            Items(text, disagreements, levels[1], "disagreements");
        }
        Recordings(text, result);
        Identities(text, result);
        Approval(text, result);
        return text.ToString();
    }

    static string Overview(GateResult result)
    {
        var questions = result.Questions;
        var judged = questions.Count(q => q.Judgment is not null);
        var parts = new List<string>
        {
            $"{Count(questions.Count)} {Headline.Plural(questions.Count, "question")}",
            $"retrieval {Count(questions.Count(q => q.Retrieval.Passed))}/{Count(questions.Count)} ok",
            $"judgments {Count(questions.Count(q => q.Judgment?.Passed == true))}/{Count(judged)} ok",
            $"aggregates {(result.SummaryVerdict.Passed ? "ok" : "failed")}",
            $"retriever `{Code(result.Retriever.Kind)}` ({(result.Retriever.Source is { } source ? $"`{Code(source)}`, " : "")}k={Count(result.K())})",
        };
        if (result.AnswerSource.Produced) parts.Add($"answers `{Code(result.AnswerSource.Kind)}`");
        if (result.Judge is { } judge)
            parts.Add($"judge `{Code(judge.Kind)}` ({(judge.Model is { } model ? $"`{Code(model)}`, " : "")}{Code(result.LlmMode)})");
        if (result.HasTriad()) parts.Add($"metrics {string.Join(", ", result.MetricJudges.Select(j => Code(j.Metric.Abbreviation)))}");
        parts.Add(result.Elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
        return string.Join(" · ", parts);
    }

    /// <summary>What the budget left out, or null when everything is shown in full.</summary>
    static string? Shortened(IReadOnlyList<Detail[]> levels)
    {
        string[] names = ["failing questions", "disagreements"];
        var parts = new List<string>();
        for (var l = 0; l < levels.Count; l++)
        {
            var omitted = levels[l].Count(d => d == Detail.Omitted);
            var brief = levels[l].Count(d => d == Detail.Brief);
            if (omitted > 0) parts.Add($"{Count(omitted)} of {Count(levels[l].Length)} {names[l]} are not listed");
            if (brief > 0) parts.Add($"{Count(brief)} {names[l]} are listed without their details");
        }
        return parts.Count == 0 ? null : $"{string.Join("; ", parts)}. Everything is in {Elsewhere} (build artifacts).";
    }

    static void Items(StringBuilder text, IReadOnlyList<ReportItem> items, Detail[] levels, string what)
    {
        for (var i = 0; i < items.Count; i++) text.Append(DetailBudget.Show(items[i], levels[i]));
        var omitted = levels.Count(d => d == Detail.Omitted);
        if (omitted > 0) text.Append("_… and ").Append(Count(omitted)).Append(" more ").Append(what).Append(": see ").Append(Elsewhere).Append("._\n\n");
    }

    /// <summary>
    /// A failing question: its causes and its reasons in one bullet per check; folded under it, what the fold's summary
    /// names: the verified and current rankings side by side, the multi-line messages (quoted reasonings, judge
    /// output) and the notes.
    /// </summary>
    static ReportItem FailingItem(GateResult result, QuestionResult question)
    {
        var id = question.Question.Id;
        var brief = new StringBuilder();
        brief.Append("- **").Append(MarkdownText.Inline(id)).Append("** · ").Append(MarkdownText.Inline(question.Question.Text, QuestionChars)).Append('\n');
        var causes = result.CausesOf(question).Select(c => c.Description).ToList();
        if (causes.Count > 0) brief.Append("  - cause: ").Append(MarkdownText.Inline(string.Join("; ", causes), ReasonChars)).Append('\n');
        var details = new StringBuilder();
        var holds = new List<string>();
        foreach (var (check, stage, verdict) in question.Checks())
        {
            if (verdict.Passed) continue;
            var reasons = verdict.Failures.Select(Excerpt.FirstLine).ToList();
            brief.Append("  - ").Append(stage).Append(": ").Append(MarkdownText.Inline(string.Join("; ", reasons), ReasonChars)).Append('\n');
            if (check == QuestionCheck.Retrieval && question.RankingChange(result) is { } change)
            {
                details.Append("**ranking** (★ relevant)\n\n").Append(RankingTable.Markdown(change, question.ScoresNotComparable(result))).Append('\n');
                holds.Add("verified and current ranking");
            }
            var rest = string.Join("\n", verdict.Failures.Select(Excerpt.AfterFirstLine).Where(s => s.Length > 0));
            if (rest.Length > 0)
            {
                details.Append("**").Append(stage).Append("**\n").Append(MarkdownText.Quote(Excerpt.Block(rest, DetailChars, Elsewhere))).Append('\n');
                holds.Add(check == QuestionCheck.Retrieval ? "the full messages" : "both reasonings");
            }
            foreach (var note in verdict.Notes)
                details.Append('_').Append(stage).Append(" note_: ").Append(MarkdownText.Inline(note, ReasonChars)).Append("\n\n");
            if (verdict.Notes.Count > 0) holds.Add("notes");
        }
        brief.Append('\n');
        if (details.Length == 0) return new ReportItem(brief.ToString(), brief.ToString());
        var summary = $"{id}: {string.Join(", ", holds.Distinct())}";
        var full = $"{brief}<details><summary>{MarkdownText.HtmlInline(summary)}</summary>\n\n{details}</details>\n\n";
        return new ReportItem(brief.ToString(), full);
    }

    /// <summary>Each cause with the questions it affects, those affecting most first.</summary>
    static void Causes(StringBuilder text, GateResult result)
    {
        if (result.Causes.Count == 0) return;
        text.Append("### Causes (").Append(Count(result.Causes.Count)).Append(")\n\n");
        foreach (var cause in result.Causes)
        {
            var ids = cause.QuestionIds;
            var checks = string.Join(", ", cause.Checks.Select(c => c.Name()));
            text.Append("- **").Append(MarkdownText.Inline(cause.Description)).Append("** · ")
                .Append(Count(ids.Count)).Append(' ').Append(Headline.Plural(ids.Count, "question")).Append(" (").Append(checks).Append("): ")
                .Append(MarkdownText.Inline(string.Join(", ", ids.Take(CauseIds)) + (ids.Count > CauseIds ? $" … and {Count(ids.Count - CauseIds)} more" : "")))
                .Append('\n');
        }
        text.Append('\n');
    }

    /// <summary>A disagreement: one line of labels, or, in full, a fold holding question, answer excerpt and the judge's reasoning.</summary>
    static ReportItem DisagreementItem(QuestionResult question)
    {
        var judgment = question.CurrentJudgment()!;
        var labels = $"manual {question.Question.Manual}, automated {judgment.Label} (AR {Display.Ar(judgment.Normalised)})";
        var brief = $"- **{MarkdownText.Inline(question.Question.Id)}** · {labels} · {MarkdownText.Inline(question.Question.Text, QuestionChars)}\n\n";
        var full = new StringBuilder();
        full.Append("<details><summary><b>").Append(MarkdownText.HtmlInline(question.Question.Id)).Append("</b> · ").Append(labels)
            .Append(" · ").Append(MarkdownText.HtmlInline(question.Question.Text, QuestionChars)).Append("</summary>\n\n");
        full.Append("**Question:** ").Append(MarkdownText.Inline(question.Question.Text)).Append("\n\n");
        full.Append("**Answer** (excerpt): ").Append(MarkdownText.Inline(question.Question.Answer ?? "", AnswerChars)).Append("\n\n");
        full.Append("**Judge's reasoning** (score ").Append(judgment.Score.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(AnswerRelevancePrompt.MaxScore.ToString(CultureInfo.InvariantCulture)).Append("):\n");
        full.Append(MarkdownText.Quote(Excerpt.Block(judgment.Reasoning, DetailChars, Elsewhere))).Append("\n</details>\n\n");
        return new ReportItem(brief, full.ToString());
    }

    static void Aggregates(StringBuilder text, GateResult result)
    {
        text.Append("### Aggregates against the baseline\n\n");
        text.Append("| metric | baseline | current | Δ | 95% interval | tolerance | floor | status |\n");
        text.Append("| --- | ---: | ---: | ---: | :---: | ---: | ---: | --- |\n");
        foreach (var row in AggregateRow.From(result))
        {
            text.Append("| ").Append(MarkdownText.Escape(row.Name))
                .Append(" | ").Append(Number(row.Baseline))
                .Append(" | ").Append(Number(row.Current))
                .Append(" | ").Append(row.Delta is { } d ? ReportNumbers.Delta(d) : "—")
                .Append(" | ").Append(ReportNumbers.Interval(row.Interval))
                .Append(" | ").Append(Display.Setting(row.Tolerance))
                .Append(" | ").Append(Display.Setting(row.Floor))
                .Append(" | ").Append(Status(row)).Append(" |\n");
        }
        text.Append('\n');
        var measured = new List<string>();
        if (result.Summary.Retrieval is { } r)
            measured.Add($"retrieval over the {Count(r.Questions)} {Headline.Plural(r.Questions, "question")} that name relevant segments");
        if (result.Agreement is { } a)
            measured.Add($"agreement over the {Count(a.Count)} {Headline.Plural(a.Count, "answer")} with a manual label and a judgment");
        if (measured.Count > 0)
            text.Append("Measured: ").Append(string.Join("; ", measured)).Append(". Baseline: the verified summary before this run. Intervals: percentile bootstrap")
                .Append(result.Agreement is { } b ? $", {Count(b.Resamples)} resamples, seed {Count(b.Seed)}" : "").Append(".\n\n");
        if (!result.SummaryVerdict.Passed)
        {
            text.Append("**Aggregate failures**\n\n");
            foreach (var failure in result.SummaryVerdict.Failures) text.Append("- ").Append(MarkdownText.Inline(failure, ReasonChars)).Append('\n');
            text.Append('\n');
        }
    }

    /// <summary>
    /// Per question, every metric's score (the triad: AR, mean CR@k, groundedness) and what changed in words: moves
    /// against the baseline, judge failures, unsupported statements. Shown when metrics besides answer relevance run.
    /// </summary>
    static void Triad(StringBuilder text, GateResult result)
    {
        if (!result.HasTriad()) return;
        var metrics = result.MetricJudges.Select(j => j.Metric).ToList();
        text.Append("### Metrics per question\n\n");
        text.Append("| question |");
        foreach (var metric in metrics) text.Append(' ').Append(MarkdownText.Escape(metric.Abbreviation)).Append(metric.AtK(result.K())).Append(" |");
        text.Append(" changes |\n| --- |");
        foreach (var _ in metrics) text.Append(" ---: |");
        text.Append(" --- |\n");
        foreach (var question in result.Questions.Take(TriadRows))
        {
            text.Append("| ").Append(MarkdownText.Inline(question.Question.Id)).Append(" |");
            foreach (var metric in metrics)
                text.Append(' ').Append(question.Metric(metric.Name)?.Cell() ?? "—").Append(" |");
            var notes = question.MetricNotes();
            text.Append(' ').Append(notes.Count == 0 ? "—" : MarkdownText.Inline(string.Join("; ", notes), ReasonChars)).Append(" |\n");
        }
        text.Append('\n');
        if (result.Questions.Count > TriadRows)
            text.Append("_… and ").Append(Count(result.Questions.Count - TriadRows)).Append(" more questions: see ").Append(Elsewhere).Append("._\n\n");
        text.Append(string.Join("; ", metrics.Select(m => $"{MarkdownText.Escape(m.Abbreviation)}: {MarkdownText.Escape(m.Title.ToLowerInvariant())}")))
            .Append(". Scores are normalised to 0–1; — means nothing to grade.\n\n");
    }

    static string Status(AggregateRow row) =>
        (row.Failed ? "❌ " : row.Status == AggregateStatus.Ok ? "✅ " : "") + MarkdownText.Inline(row.Describe());

    static void Confusion(StringBuilder text, GateResult result)
    {
        text.Append("### Agreement: manual × automated\n\n");
        if (result.Agreement is not { } agreement)
        {
            text.Append("No answer has both a manual label and a judgment, so there is nothing to compare.\n\n");
            return;
        }
        var matrix = agreement.Matrix;
        text.Append("| manual ↓ · automated → | I | P | C | total |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var manual in Labels.All)
        {
            text.Append("| **").Append(manual).Append("** |");
            foreach (var automated in Labels.All) text.Append(' ').Append(Count(matrix[manual, automated])).Append(" |");
            text.Append(' ').Append(Count(matrix.ManualTotal(manual))).Append(" |\n");
        }
        text.Append("| **total** |");
        foreach (var automated in Labels.All) text.Append(' ').Append(Count(matrix.AutomatedTotal(automated))).Append(" |");
        text.Append(" **").Append(Count(matrix.Total)).Append("** |\n\n");
        var agreeing = Labels.All.Sum(l => matrix[l, l]);
        text.Append(Count(agreeing)).Append(" of ").Append(Count(matrix.Total)).Append(" answers agree (I incorrect, P partial, C correct).\n\n");
    }

    static void Recordings(StringBuilder text, GateResult result)
    {
        text.Append("### LLM recordings\n\n");
        if (result.Recordings.Count == 0)
        {
            text.Append("No LLM recordings were used (LLM mode: ").Append(MarkdownText.Inline(result.LlmMode)).Append(").\n\n");
            return;
        }
        text.Append("| provenance | recordings |\n| --- | ---: |\n");
        foreach (var (source, count) in result.RecordingsByProvenance())
            text.Append("| ").Append(MarkdownText.Inline(source)).Append(" | ").Append(Count(count)).Append(" |\n");
        text.Append("| **total** | **").Append(Count(result.Recordings.Values.Sum())).Append("** |\n\n");
        text.Append("LLM mode: ").Append(MarkdownText.Inline(result.LlmMode))
            .Append(". _authored_: written by hand (samples); _imported_: taken from evaluation records; _recorded_: a model's real answer.\n\n");
    }

    static void Identities(StringBuilder text, GateResult result)
    {
        text.Append("### Retriever and judge\n\n| | identity |\n| --- | --- |\n");
        text.Append("| retriever | ").Append(Identity(result.Retriever.Properties)).Append(" |\n");
        text.Append("| judge | ").Append(result.Judge is { } judge ? Identity(judge.Properties) : "none (no answers to judge)").Append(" |\n");
        foreach (var (metric, identity) in result.MetricJudges.Where(j => !ReferenceEquals(j.Judge, result.Judge)))
            text.Append("| ").Append(MarkdownText.Escape(metric.Title.ToLowerInvariant())).Append(" | ").Append(Identity(identity.Properties)).Append(" |\n");
        if (result.AnswerSource.Produced) text.Append("| answers | ").Append(Identity(result.AnswerSource.Properties)).Append(" |\n");
        text.Append('\n');
        if (!result.Input.HasSettingsFile) text.Append("Settings: the golden set has no gate.json, so every setting is its default.\n\n");
    }

    static string Identity(IReadOnlyList<KeyValuePair<string, string>> properties) =>
        string.Join(" · ", properties.Select(p => $"{MarkdownText.Escape(p.Key)} `{Code(p.Value)}`"));

    static void Approval(StringBuilder text, GateResult result)
    {
        text.Append("### How to approve\n\n");
        var hint = ApprovalHint.For(result);
        if (hint.Needed)
        {
            text.Append(Count(hint.ReceivedSnapshots.Count)).Append(" received ").Append(Headline.Plural(hint.ReceivedSnapshots.Count, "snapshot"))
                .Append(" (`*.received.json`) ").Append(hint.ReceivedSnapshots.Count == 1 ? "was" : "were")
                .Append(" written beside the verified ones under `").Append(Code(hint.GoldenDirectory)).Append("/snapshots/`. ")
                .Append("If the changes above are intended, review them and accept them:\n\n");
            text.Append("```sh\n").Append(hint.DryRunCommand).Append("   # lists what would change\n").Append(hint.Command).Append("\n```\n\n");
            text.Append("Commit the updated `*.verified.json` files with the change that caused them.\n\n");
        }
        else if (result.Passed)
        {
            text.Append("Nothing to approve: every result matches its verified snapshot.\n\n");
        }
        else
        {
            text.Append("No received snapshots were written: the failures above are not changes to accept (judge failures, floors), so approval cannot fix them.\n\n");
        }
        if (hint.FloorViolations.Count > 0)
            text.Append("Floors hold even after an approval: ").Append(MarkdownText.Escape(string.Join(", ", hint.FloorViolations)))
                .Append(" must rise to the floor in `gate.json` for the gate to pass.\n\n");
    }

    static string Number(double? value) => ReportNumbers.Score(value);

    static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for inside a one-backtick code span: a backtick would end it, a pipe would end a table cell.</summary>
    static string Code(string value) => value.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal);
}
