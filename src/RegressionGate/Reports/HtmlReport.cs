using RegressionGate.Files;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RegressionGate.Formatting;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Records;

namespace RegressionGate.Reports;

/// <summary>
/// <c>gate-report.html</c>: one self-contained page (inline CSS, inline script drawing inline SVG, nothing fetched; a
/// Content-Security-Policy forbids any load and any script but its own) with the whole run: failing questions, charts
/// of the aggregates, agreement, AR distribution and rank overlap, every disagreement and every question's ranking
/// against its baseline. All user text is HTML-encoded.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Only the page's own script and style run; nothing else may load, from anywhere.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src 'sha256-{Hash(HtmlScript.Js)}'; style-src 'sha256-{Hash(HtmlStyle.Css)}'; " +
        "img-src data:; base-uri 'none'; form-action 'none'";

    const int SummaryChars = 120;

    public static string Render(GateResult result)
    {
        var anchors = new Dictionary<QuestionResult, string>(ReferenceEqualityComparer.Instance);
        foreach (var question in result.Questions) anchors[question] = Anchor(question.Question.Id);
        var positions = result.Golden.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var page = new Page(result, anchors, positions);

        var h = new HtmlWriter();
        h.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Open("meta", ("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy)).Line()
            .Element("title", $"{Headline.Symbol(result)} {Headline.For(result)}").Line()
            .Raw("<style>").Raw(HtmlStyle.Css).Raw("</style>\n</head>\n<body>\n");
        page.Header(h);
        page.Navigation(h);
        h.Raw("<main>\n");
        page.Aggregates(h);
        page.Causes(h);
        page.Failing(h);
        page.Agreement(h);
        page.Metrics(h);
        page.Overlap(h);
        page.Disagreements(h);
        page.Questions(h);
        page.Recordings(h);
        page.Identities(h);
        page.Approval(h);
        h.Raw("</main>\n")
            .Raw("<script type=\"application/json\" id=\"chart-data\">")
            .Raw(ChartData.Serialize(ChartData.For(result, q => anchors[q])))
            .Raw("</script>\n<script>").Raw(HtmlScript.Js).Raw("</script>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>
    /// A question's anchor: <c>#q-105</c>, stable across runs and readable in a link. Ids go through the snapshot file
    /// name rule, which keeps letters, digits, <c>-</c>, <c>_</c> and <c>.</c> and escapes the rest, so two ids never share an anchor.
    /// </summary>
    public static string Anchor(string questionId) => "q-" + Snapshots.SnapshotFileName.For(questionId);

    static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The sections of one report, sharing the result and where each question's details are.</summary>
    sealed class Page(GateResult result, IReadOnlyDictionary<QuestionResult, string> anchors, IReadOnlyDictionary<string, int> positions)
    {
        readonly int k = result.K();

        public void Header(HtmlWriter h)
        {
            h.Open("header", ("class", result.Passed ? "passed" : "failed"))
                .Open("h1").Element("span", result.Passed ? "passed" : "failed", ("class", result.Passed ? "chip big" : "chip big fail"))
                .Text(" " + Headline.For(result)).Close("h1")
                .Element("p", Overview(), ("class", "overview"))
                .Close("header").Line();
        }

        string Overview()
        {
            var questions = result.Questions;
            var parts = new List<string>
            {
                Invariant($"{questions.Count} {Headline.Plural(questions.Count, "question")}"),
                Invariant($"retrieval {questions.Count(q => q.Retrieval.Passed)}/{questions.Count} ok"),
                Invariant($"judgments {questions.Count(q => q.Judgment?.Passed == true)}/{questions.Count(q => q.Judgment is not null)} ok"),
                $"aggregates {(result.SummaryVerdict.Passed ? "ok" : "failed")}",
                Invariant($"retriever {result.Retriever.Kind} ({result.Retriever.Source}, k={k})"),
            };
            if (result.AnswerSource.Produced) parts.Add($"answers {result.AnswerSource.Kind}");
            if (result.Judge is { } judge) parts.Add($"judge {judge.Kind} ({judge.Model}, {result.LlmMode})");
            if (result.HasTriad()) parts.Add($"metrics {string.Join(", ", result.MetricJudges.Select(j => j.Metric.Abbreviation))}");
            parts.Add(result.Elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
            parts.Add($"golden set {TypedPath.Of(result.Golden.Directory)}");
            return string.Join(" · ", parts);
        }

        public void Navigation(HtmlWriter h)
        {
            h.Open("nav");
            foreach (var (id, name) in new[]
                     {
                         ("aggregates", "Aggregates"), ("causes", "Causes"), ("failing", "Failing"), ("agreement", "Agreement"), ("metrics", "Metrics"),
                         ("overlap", "Rank overlap"),
                         ("disagreements", "Disagreements"), ("questions", "All questions"), ("recordings", "Recordings"),
                         ("identities", "Retriever and judge"), ("approval", "Approval"),
                     })
                h.Element("a", name, ("href", "#" + id));
            h.Close("nav").Line();
        }

        public void Failing(HtmlWriter h)
        {
            var failing = result.Failing.ToList();
            h.Open("section", ("id", "failing")).Element("h2", Invariant($"Failing questions ({failing.Count})"));
            if (failing.Count == 0) h.Element("p", "No question failed.", ("class", "ok"));
            foreach (var question in failing)
            {
                h.Open("article", ("class", "question")).Open("h3")
                    .Open("a", ("href", "#" + anchors[question])).Element("span", question.Question.Id, ("class", "id")).Close("a")
                    .Text(" " + question.Question.Text).Close("h3").Open("ul");
                foreach (var cause in result.CausesOf(question))
                    h.Open("li").Element("b", "cause").Text(": " + cause.Description).Close("li");
                foreach (var (_, stage, verdict) in question.Checks().Where(c => !c.Verdict.Passed))
                    h.Open("li").Element("b", stage).Text(": " + string.Join("; ", verdict.Failures.Select(Excerpt.FirstLine))).Close("li");
                h.Close("ul").Open("p").Open("a", ("href", "#" + anchors[question])).Text("ranking, answer and reasonings").Close("a").Close("p");
                h.Close("article").Line();
            }
            h.Close("section").Line();
        }

        public void Aggregates(HtmlWriter h)
        {
            h.Open("section", ("id", "aggregates")).Element("h2", "Aggregates against the baseline");
            Figure(h, "chart-metrics", $"Retrieval metrics at k = {k.ToString(CultureInfo.InvariantCulture)}: the verified baseline, this run with its bootstrap 95% interval, and the floor of gate.json.");
            h.Open("table").Open("thead").Open("tr");
            foreach (var column in new[] { "metric", "baseline", "current", "Δ", "95% interval", "tolerance", "floor", "status" })
                h.Element("th", column);
            h.Close("tr").Close("thead").Open("tbody");
            foreach (var row in AggregateRow.From(result))
            {
                h.Open("tr", ("data-metric", row.Key)).Element("td", row.Name)
                    .Element("td", Number(row.Baseline), ("class", "num"))
                    .Element("td", Number(row.Current), ("class", "num"))
                    .Element("td", row.Delta is { } d ? ReportNumbers.Delta(d) : "—", ("class", "num"))
                    .Element("td", ReportNumbers.Interval(row.Interval), ("class", "num"))
                    .Element("td", Display.Setting(row.Tolerance), ("class", "num"))
                    .Element("td", Display.Setting(row.Floor), ("class", "num"))
                    .Element("td", row.Describe(), ("class", row.Failed ? "fail" : row.Status == AggregateStatus.Ok ? "ok" : "muted"))
                    .Close("tr");
            }
            h.Close("tbody").Close("table");
            if (!result.SummaryVerdict.Passed)
            {
                h.Element("h3", "Aggregate failures").Open("ul");
                foreach (var failure in result.SummaryVerdict.Failures) h.Element("li", failure, ("class", "fail"));
                h.Close("ul");
            }
            h.Close("section").Line();
        }


        public void Causes(HtmlWriter h)
        {
            h.Open("section", ("id", "causes")).Element("h2", Invariant($"Causes ({result.Causes.Count})"));
            if (result.Causes.Count == 0) h.Element("p", result.Passed ? "Nothing failed." : "No question failed; see the aggregates.", ("class", "ok"));
            else
            {
                h.Open("ul");
                foreach (var cause in result.Causes)
                {
                    var ids = cause.QuestionIds;
                    var checks = string.Join(", ", cause.Checks.Select(c => c.Name()));
                    h.Open("li", ("data-cause", cause.Kind.ToString())).Element("b", cause.Description)
                        .Text(Invariant($": {ids.Count} {Headline.Plural(ids.Count, "question")} ({checks}): "));
                    for (var i = 0; i < ids.Count; i++)
                    {
                        if (i > 0) h.Text(", ");
                        h.Element("a", ids[i], ("href", "#" + Anchor(ids[i])));
                    }
                    h.Close("li");
                }
                h.Close("ul");
            }
            h.Close("section").Line();
        }

        public void Agreement(HtmlWriter h)
        {
            h.Open("section", ("id", "agreement")).Element("h2", "Agreement: manual × automated");
            if (result.Agreement is { } agreement)
                h.Element("p", Invariant($"{Labels.All.Sum(l => agreement.Matrix[l, l])} of {agreement.Count} answers with a manual label agree with the judge (I incorrect, P partial, C correct)."));
            h.Open("div", ("class", "charts"));
            Figure(h, "chart-confusion", "Confusion matrix: rows are people's labels, columns the judge's; darker means more answers, the diagonal is agreement.");
            Figure(h, "chart-ar", "AR score distribution per manual label: how the judge scored the answers people labelled I, P and C.");
            h.Close("div").Close("section").Line();
        }

        /// <summary>Each metric's distribution over the questions, then every question's scores with what changed in words.</summary>
        public void Metrics(HtmlWriter h)
        {
            h.Open("section", ("id", "metrics")).Element("h2", "Metrics per question");
            if (result.MetricJudges.Count == 0)
            {
                h.Element("p", "No metric graded anything: no question had an answer or segments to grade.").Close("section").Line();
                return;
            }
            h.Open("div", ("class", "charts"));
            foreach (var (metric, _) in result.MetricJudges)
                Figure(h, $"chart-metric-{metric.Name}", $"{metric.Title}: how many questions scored in each tenth of 0–1; solid line the mean, dashed the baseline's.");
            h.Close("div");
            if (result.HasTriad())
            {
                h.Open("table", ("class", "triad")).Open("thead").Open("tr").Element("th", "question");
                foreach (var (metric, _) in result.MetricJudges) h.Element("th", metric.Abbreviation + metric.AtK(k));
                h.Element("th", "changes").Close("tr").Close("thead").Open("tbody");
                foreach (var question in result.Questions)
                {
                    h.Open("tr").Open("td").Open("a", ("href", "#" + anchors[question])).Element("span", question.Question.Id, ("class", "id")).Close("a").Close("td");
                    foreach (var (metric, _) in result.MetricJudges)
                    {
                        var check = question.Metric(metric.Name);
                        h.Element("td", check?.Cell() ?? "—", ("class", check?.Passed == false ? "num fail" : "num"), ("data-metric", metric.Name));
                    }
                    var notes = question.MetricNotes();
                    h.Element("td", notes.Count == 0 ? "—" : string.Join("; ", notes), ("class", notes.Count == 0 ? "muted" : null)).Close("tr");
                }
                h.Close("tbody").Close("table");
            }
            h.Close("section").Line();
        }

        public void Overlap(HtmlWriter h)
        {
            var tolerances = result.Settings.Tolerances;
            var compared = result.Questions.Where(q => q.Overlap is not null).ToList();
            var below = compared.Count(q => q.Overlap < tolerances.RboMin - 1e-9);
            h.Open("section", ("id", "overlap")).Element("h2", "Rank overlap with the baseline")
                .Element("p", Invariant($"Rank-biased overlap (p = {Display.Setting(tolerances.RboP)}) of each question's top-{k} with its verified ranking: {compared.Count} of {result.Questions.Count} questions have a baseline, {below} fall below the minimum {Display.Setting(tolerances.RboMin)}. Click a bar for the question."));
            Figure(h, "chart-overlap", "Per-question rank-biased overlap against the baseline, lowest first.");
            h.Close("section").Line();
        }

        public void Disagreements(HtmlWriter h)
        {
            var disagreements = result.Disagreements();
            h.Open("section", ("id", "disagreements")).Element("h2", Invariant($"Disagreements: manual ≠ automated ({disagreements.Count})"));
            if (disagreements.Count == 0) h.Element("p", "The judge agrees with every manual label.", ("class", "ok"));
            foreach (var question in disagreements)
            {
                var judgment = question.CurrentJudgment()!;
                h.Open("details").Open("summary").Element("span", question.Question.Id, ("class", "id")).Text(" manual ")
                    .Element("span", question.Question.Manual.ToString()!, ("class", "label " + question.Question.Manual))
                    .Text(" automated ").Element("span", judgment.Label.ToString(), ("class", "label " + judgment.Label))
                    .Text($" AR {Display.Ar(judgment.Normalised)} · {Excerpt.Line(question.Question.Text, SummaryChars)}").Close("summary")
                    .Open("p").Element("b", "Question: ").Text(question.Question.Text).Text(" ").Element("a", "(details)", ("href", "#" + anchors[question])).Close("p")
                    .Open("p").Element("b", "Answer: ").Text(Excerpt.Line(question.Question.Answer ?? "", 600)).Close("p")
                    .Element("b", Invariant($"Judge's reasoning (score {judgment.Score} of {AnswerRelevancePrompt.MaxScore}):"))
                    .Element("pre", judgment.Reasoning)
                    .Close("details").Line();
            }
            h.Close("section").Line();
        }

        public void Questions(HtmlWriter h)
        {
            h.Open("section", ("id", "questions")).Element("h2", Invariant($"All questions ({result.Questions.Count})"));
            foreach (var question in result.Questions) Question(h, question);
            h.Close("section").Line();
        }

        void Question(HtmlWriter h, QuestionResult question)
        {
            var q = question.Question;
            var judgment = question.CurrentJudgment();
            h.Open("details", ("class", "question"), ("id", anchors[question])).Open("summary")
                .Element("span", question.Passed ? "passed" : "failed", ("class", question.Passed ? "chip" : "chip fail")).Text(" ")
                .Element("span", q.Id, ("class", "id"))
                .Text(" " + Excerpt.Line(q.Text, SummaryChars))
                .Text(question.Overlap is { } rbo ? $" · RBO {Display.Score(rbo)}" : "")
                .Text(judgment is not null ? $" · AR {Display.Ar(judgment.Normalised)} {judgment.Label}" : "")
                .Text(q.Manual is { } manual ? $" · manual {manual}" : "")
                .Close("summary").Open("div");

            // First lines only: the rest of a message quotes the reasonings or the judge output, shown below in full.
            var messages = question.Checks().SelectMany(c =>
                c.Verdict.Failures.Select(f => (Text: $"{c.Stage}: {Excerpt.FirstLine(f)}", Class: "fail"))
                    .Concat(c.Verdict.Notes.Select(n => (Text: $"{c.Stage}: {Excerpt.FirstLine(n)}", Class: "muted")))).ToList();
            if (messages.Count > 0)
            {
                h.Open("ul");
                foreach (var (text, cls) in messages) h.Element("li", text, ("class", cls));
                h.Close("ul");
            }
            h.Open("p").Element("b", "Question: ").Text(q.Text).Close("p");
            if (positions.TryGetValue(q.Id, out var position))
            {
                var record = $"{GateReports.RecordsFolder}/{RecordExporter.FileName(position, q.Id)}";
                h.Open("p", ("class", "muted")).Text("Record: ").Element("a", record, ("href", record)).Close("p");
            }
            Ranking(h, question);
            if (question.Answer is Answers.AnswerUnderTest produced && result.AnswerSource.Produced)
            {
                h.Open("p").Element("b", $"Answer under test ({result.AnswerSource.Kind}): ").Text(produced.Text).Close("p");
                h.Element("p", $"References: {(produced.References.Count == 0 ? "none" : string.Join(", ", produced.References.Select(r => $"{r.Id} ({r.VideoId} {r.Start}–{r.End})")))}", ("class", "muted"));
                if (question.AnswerBaseline is { } was && was.Answer != produced.Text) h.Element("b", "Baseline answer:").Element("pre", was.Answer);
                if (q.Answer is not null) h.Open("p", ("class", "muted")).Element("b", "Annotated answer: ").Text(q.Answer).Close("p");
            }
            else if (question.Answer is Answers.AnswerFailure answerFailure)
            {
                h.Element("p", $"Answer failure: {answerFailure.Message}", ("class", "fail"));
                if (answerFailure.RawOutput is not null) h.Element("pre", answerFailure.RawOutput);
            }
            else if (q.Answer is not null) h.Open("p").Element("b", "Answer: ").Text(q.Answer).Close("p");
            Judgment(h, question);
            foreach (var check in question.Metrics.Where(m => !m.Metric.Labelled)) MetricParts(h, check);
            h.Close("div").Close("details").Line();
        }

        void Ranking(HtmlWriter h, QuestionResult question)
        {
            var relevant = new HashSet<string>(question.Question.Relevant, StringComparer.Ordinal);
            var metrics = question.Metrics(k);
            h.Element("p", metrics is null
                ? (question.Baseline is null ? "No baseline ranking; no relevant segments named." : "No relevant segments named.")
                : Invariant($"recall@{k} {Display.Score(metrics.Recall)} · reciprocal rank {Display.Score(metrics.ReciprocalRank)} · nDCG@{k} {Display.Score(metrics.Ndcg)}{(question.Baseline is null ? " · no baseline ranking" : "")}"));
            h.Open("table", ("class", "ranking")).Open("thead").Open("tr");
            foreach (var column in new[] { "rank", "segment", "score", "baseline rank", "baseline score", "move" }) h.Element("th", column);
            h.Close("tr").Close("thead").Open("tbody");
            foreach (var row in RankRow.Compare(question.Ranking, question.Baseline?.Ranking))
            {
                h.Open("tr", ("class", row.Dropped ? "fail" : null))
                    .Element("td", row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—", ("class", "num"))
                    .Open("td").Element("span", row.Id, ("class", "id")).Text(relevant.Contains(row.Id) ? " ★ relevant" : "").Close("td")
                    .Element("td", Number(row.Score), ("class", "num"))
                    .Element("td", row.BaselineRank?.ToString(CultureInfo.InvariantCulture) ?? "—", ("class", "num"))
                    .Element("td", Number(row.BaselineScore), ("class", "num"))
                    .Element("td", Move(question, row))
                    .Close("tr");
            }
            h.Close("tbody").Close("table");
            if (question.Retrieval.Passed || question.RankingChange(result) is not { Unchanged: false } change) return;
            h.Open("ul", ("class", "change"));
            foreach (var sentence in change.Sentences()) h.Element("li", sentence);
            if (question.ScoresNotComparable(result) is { } note) h.Element("li", note, ("class", "muted"));
            h.Close("ul");
        }

        static string Move(QuestionResult question, RankRow row) => (row.Rank, row.BaselineRank) switch
        {
            _ when question.Baseline is null => "",
            (null, _) => "dropped out",
            (_, null) => "entered",
            ({ } now, { } was) when now < was => Invariant($"▲ {was - now}"),
            ({ } now, { } was) when now > was => Invariant($"▼ {now - was}"),
            _ => "=",
        };

        void Judgment(HtmlWriter h, QuestionResult question)
        {
            if (question.JudgeFailure() is { } failure)
            {
                h.Element("p", $"Judge failure ({failure.Kind}): {failure.Message}", ("class", "fail"));
                if (failure.RawOutput is not null) h.Element("pre", failure.RawOutput);
                return;
            }
            if (question.CurrentJudgment() is not { } judgment) return;
            var baseline = question.JudgeBaseline;
            h.Element("p", Invariant($"AR {Display.Ar(judgment.Normalised)} (score {judgment.Score} of {AnswerRelevancePrompt.MaxScore}), automated {judgment.Label}") +
                           (question.Question.Manual is { } manual ? $", manual {manual}" : ", no manual label") +
                           (baseline is null ? "; no baseline judgment" : $"; baseline AR {Display.Ar(baseline.Normalised)}, automated {baseline.Automated}") +
                           (judgment.Flaky ? Invariant($"; flaky: repeats {string.Join(", ", judgment.Scores)}") : ""));
            h.Element("b", "Judge's reasoning:").Element("pre", judgment.Reasoning);
            if (baseline is not null && baseline.Reasoning != judgment.Reasoning)
                h.Element("b", "Baseline reasoning:").Element("pre", baseline.Reasoning);
        }

        /// <summary>A part-wise metric of one question: its score against the baseline, then each part with its grade and reasoning.</summary>
        void MetricParts(HtmlWriter h, MetricCheck check)
        {
            var metric = check.Metric;
            if (check.Outcome is JudgeFailure failure)
            {
                h.Element("p", $"{metric.Title}: judge failure ({failure.Kind}): {failure.Message}", ("class", "fail"));
                if (failure.RawOutput is not null) h.Element("pre", failure.RawOutput);
                return;
            }
            if (check.Outcome is not Judging.Metrics.MetricJudgment parts) return;
            h.Element("p", $"{metric.Title} {check.Cell()} over {parts.Parts.Count} {(metric.UnitKind == Judging.Metrics.UnitKind.Statement ? "statements" : "segments")}" +
                           (check.BaselineScore is { } was ? $"; baseline {Display.Ar(was)}" : "; no baseline") +
                           (parts.Flagged.Any() ? $"; {parts.Flagged.Count()} {metric.FlagWord}" : ""));
            h.Open("details").Element("summary", $"{metric.Title}: each part with the judge's reasoning").Open("table", ("class", "parts")).Open("thead").Open("tr");
            foreach (var column in new[] { metric.UnitKind == Judging.Metrics.UnitKind.Statement ? "statement" : "segment", "score", "reasoning" }) h.Element("th", column);
            h.Close("tr").Close("thead").Open("tbody");
            foreach (var part in parts.Parts)
            {
                h.Open("tr", ("class", part.Flagged ? "fail" : null))
                    .Element("td", metric.UnitKind == Judging.Metrics.UnitKind.Statement ? part.Unit.Text : part.Unit.Id)
                    .Element("td", Display.Ar(part.Normalised) + (part.Flagged ? $" ({metric.FlagWord})" : ""), ("class", "num"))
                    .Open("td").Element("pre", part.Reasoning).Close("td")
                    .Close("tr");
            }
            h.Close("tbody").Close("table").Close("details");
        }

        public void Recordings(HtmlWriter h)
        {
            h.Open("section", ("id", "recordings")).Element("h2", "LLM recordings")
                .Element("p", $"LLM mode: {result.LlmMode}. authored: written by hand (samples); imported: taken from evaluation records; recorded: a model's real answer.");
            h.Open("table").Open("tr").Element("th", "provenance").Element("th", "recordings").Close("tr");
            foreach (var (source, count) in result.RecordingsByProvenance())
                h.Open("tr").Element("td", source).Element("td", count.ToString(CultureInfo.InvariantCulture), ("class", "num")).Close("tr");
            h.Open("tr").Element("th", "total").Element("th", result.Recordings.Values.Sum().ToString(CultureInfo.InvariantCulture), ("class", "num")).Close("tr");
            h.Close("table").Close("section").Line();
        }

        public void Identities(HtmlWriter h)
        {
            h.Open("section", ("id", "identities")).Element("h2", "Retriever and judge").Open("div", ("class", "charts"));
            Properties(h, "retriever", result.Retriever.Properties);
            if (result.Judge is { } judge) Properties(h, "judge", judge.Properties);
            else h.Element("p", "No judge: no question has an answer to judge.");
            foreach (var (metric, identity) in result.MetricJudges.Where(j => !ReferenceEquals(j.Judge, result.Judge)))
                Properties(h, metric.Title.ToLowerInvariant(), identity.Properties);
            if (result.AnswerSource.Produced) Properties(h, "answers", result.AnswerSource.Properties);
            h.Close("div").Close("section").Line();
        }

        static void Properties(HtmlWriter h, string what, IReadOnlyList<KeyValuePair<string, string>> properties)
        {
            h.Open("table").Open("tr").Element("th", what).Element("th", "").Close("tr");
            foreach (var (name, value) in properties) h.Open("tr").Element("td", name).Open("td").Element("code", value).Close("td").Close("tr");
            h.Close("table");
        }

        public void Approval(HtmlWriter h)
        {
            var hint = ApprovalHint.For(result);
            h.Open("section", ("id", "approval")).Element("h2", "How to approve");
            if (hint.Needed)
            {
                h.Element("p", Invariant($"{hint.ReceivedSnapshots.Count} received {Headline.Plural(hint.ReceivedSnapshots.Count, "snapshot")} (*.received.json) written beside the verified ones under {hint.GoldenDirectory}/snapshots/. If the changes are intended, review them and accept them:"))
                    .Element("pre", $"{hint.DryRunCommand}   # lists what would change\n{hint.Command}")
                    .Open("details").Element("summary", "received snapshots")
                    .Element("pre", string.Join("\n", hint.ReceivedSnapshots)).Close("details");
            }
            else
            {
                h.Element("p", result.Passed
                    ? "Nothing to approve: every result matches its verified snapshot."
                    : "No received snapshots were written: the failures above are not changes to accept (judge failures, floors), so approval cannot fix them.");
            }
            if (hint.FloorViolations.Count > 0)
                h.Element("p", $"Floors hold even after an approval: {string.Join(", ", hint.FloorViolations)} must rise to the floor in gate.json for the gate to pass.", ("class", "fail"));
            h.Close("section").Line();
        }

        static void Figure(HtmlWriter h, string id, string caption) =>
            h.Open("figure").Open("svg", ("id", id), ("class", "chart"), ("role", "img"), ("aria-label", caption)).Close("svg")
                .Element("figcaption", caption).Close("figure");

        static string Number(double? value) => ReportNumbers.Score(value);

        static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
