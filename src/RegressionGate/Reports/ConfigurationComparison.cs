using System.Globalization;
using System.Text;
using RegressionGate.Gate;
using RegressionGate.Golden;

namespace RegressionGate.Reports;

/// <summary>
/// Two configurations run on the same golden set (<c>compare</c>), side by side: every aggregate with its 95% interval
/// under each, each configuration's verdict against the verified snapshots with its causes, and the questions whose
/// outcome differs: a different recall, first relevant rank or automated label, or a different gate verdict. Neither
/// run wrote anything into the golden set.
/// </summary>
/// <param name="NameA">How the first configuration is named, e.g. <c>golden/gate.json</c>.</param>
/// <param name="NameB">How the second is named, e.g. <c>golden/gate.json with --set retriever.kind=bm25</c>.</param>
internal sealed record ConfigurationComparison(string NameA, GateResult A, string NameB, GateResult B)
{
    public const string MarkdownFile = "compare-report.md";

    /// <summary>Question lines the console shows; the Markdown report has them all.</summary>
    public const int ConsoleQuestions = 20;

    /// <summary>The questions whose outcome differs between the two configurations, in golden-set order.</summary>
    public IReadOnlyList<QuestionDifference> Differences { get; } = Differ(A, B);

    /// <summary>The comparison for a terminal; <paramref name="markdownPath"/> is where the questions left out are listed.</summary>
    public string Text(string? markdownPath = null)
    {
        var text = new StringBuilder();
        text.Append("A: ").Append(NameA).Append(" · ").Append(Describe(A)).Append('\n');
        text.Append("B: ").Append(NameB).Append(" · ").Append(Describe(B)).Append('\n');
        var rows = Rows();
        var width = rows.Max(r => r.Name.Length);
        text.Append("aggregate".PadRight(width + 4)).Append("A".PadRight(27)).Append("B".PadRight(27)).Append("Δ B − A\n");
        foreach (var (name, a, b, delta) in rows)
            text.Append("  ").Append(name.PadRight(width + 2)).Append(a.PadRight(27)).Append(b.PadRight(27)).Append(delta).Append('\n');
        text.Append("against the verified snapshots: A ").Append(Verdict(A)).Append(" · B ").Append(Verdict(B)).Append('\n');
        foreach (var (label, result) in new[] { ("A", A), ("B", B) })
        {
            foreach (var cause in result.Causes) text.Append("  ").Append(label).Append(": ").Append(TextReport.CauseLine(cause)).Append('\n');
        }
        text.Append(Invariant($"questions whose outcome differs: {Differences.Count} of {A.Questions.Count}{Tally()}\n"));
        foreach (var difference in Differences.Take(ConsoleQuestions)) text.Append("  ").Append(difference.Describe()).Append('\n');
        if (Differences.Count > ConsoleQuestions)
            text.Append(Invariant($"  … {Differences.Count - ConsoleQuestions} more")).Append(markdownPath is null ? " (--out writes them all)" : $" in {markdownPath}").Append('\n');
        return text.ToString();
    }

    /// <summary>The comparison as Markdown, every differing question listed.</summary>
    public string Markdown()
    {
        var text = new StringBuilder("## Comparison of two configurations\n\n");
        text.Append("- **A**: ").Append(MarkdownText.Inline(NameA)).Append(" · ").Append(MarkdownText.Inline(Describe(A))).Append('\n');
        text.Append("- **B**: ").Append(MarkdownText.Inline(NameB)).Append(" · ").Append(MarkdownText.Inline(Describe(B))).Append("\n\n");
        text.Append("| aggregate | A (95% interval) | B (95% interval) | Δ B − A |\n| --- | ---: | ---: | ---: |\n");
        foreach (var (name, a, b, delta) in Rows())
            text.Append("| ").Append(MarkdownText.Escape(name)).Append(" | ").Append(a).Append(" | ").Append(b).Append(" | ").Append(delta).Append(" |\n");
        text.Append("\nAgainst the verified snapshots: A ").Append(Verdict(A)).Append(", B ").Append(Verdict(B)).Append(".\n\n");
        foreach (var (label, result) in new[] { ("A", A), ("B", B) })
        {
            foreach (var cause in result.Causes) text.Append("- ").Append(label).Append(": ").Append(MarkdownText.Inline(TextReport.CauseLine(cause))).Append('\n');
        }
        text.Append(Invariant($"\n### Questions whose outcome differs ({Differences.Count} of {A.Questions.Count})\n\n"));
        if (Tally() is { Length: > 0 } tally) text.Append(tally.TrimStart(' ', '(').TrimEnd(')')).Append(".\n\n");
        if (Differences.Count == 0) return text.Append("None.\n").ToString();
        text.Append("| question | gate A → B | recall A → B | first relevant A → B | label A → B |\n| --- | --- | --- | --- | --- |\n");
        foreach (var d in Differences)
            text.Append("| ").Append(MarkdownText.Inline(d.QuestionId)).Append(" | ").Append(d.Gate).Append(" | ").Append(d.Recall)
                .Append(" | ").Append(d.FirstRelevant).Append(" | ").Append(d.Label).Append(" |\n");
        return text.ToString();
    }

    /// <summary>
    /// <c> (recall higher under B on 16, lower on 4; first relevant earlier on 9, later on 3)</c>: which way the
    /// differing questions went, so the direction of a change reads before its list; empty when none differ.
    /// </summary>
    string Tally()
    {
        static string Pair(string what, string up, int ups, string down, int downs) =>
            ups + downs == 0 ? "" : Invariant($"{what} {up} on {ups}, {down} on {downs}");
        var recall = Pair("recall", "higher under B", Differences.Count(d => d.MetricsB?.Recall > d.MetricsA?.Recall),
            "lower", Differences.Count(d => d.MetricsB?.Recall < d.MetricsA?.Recall));
        var first = Pair("first relevant", "earlier", Differences.Count(d => Earlier(d.FirstRelevantB, d.FirstRelevantA)),
            "later", Differences.Count(d => Earlier(d.FirstRelevantA, d.FirstRelevantB)));
        var labels = Differences.Count(d => d.LabelA != d.LabelB);
        var parts = new[] { recall, first, labels > 0 ? Invariant($"label changed on {labels}") : "" }.Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "" : $" ({string.Join("; ", parts)})";
    }

    /// <summary>Whether a relevant segment first appears at <paramref name="rank"/> before <paramref name="other"/> (none is last).</summary>
    static bool Earlier(int? rank, int? other) => rank is { } r && (other is null || r < other);

    IReadOnlyList<(string Name, string A, string B, string Delta)> Rows()
    {
        var a = AggregateRow.From(A);
        var b = AggregateRow.From(B);
        return a.Zip(b)
            .Where(p => p.First.Current is not null || p.Second.Current is not null)
            .Select(p => (p.First.Name, Value(p.First), Value(p.Second),
                p.First.Current is { } x && p.Second.Current is { } y ? ReportNumbers.Delta(y - x) : "—"))
            .ToList();
    }

    static string Value(AggregateRow row) => row.Current is null ? "—" : $"{ReportNumbers.Score(row.Current)} [{ReportNumbers.Interval(row.Interval)}]";

    static string Describe(GateResult result) =>
        $"retriever {result.Retriever.Scorer}" + (result.Judge is { } judge ? $", judge {judge.Kind}" + (judge.Model is { } model ? $" ({model})" : "") : "");

    static string Verdict(GateResult result)
    {
        if (result.Passed) return "would pass";
        var failing = result.Failing.Count();
        return Invariant($"would fail ({failing} {Headline.Plural(failing, "question")}{(result.SummaryVerdict.Passed ? "" : ", aggregates")})");
    }

    static IReadOnlyList<QuestionDifference> Differ(GateResult a, GateResult b)
    {
        var k = (a.K(), b.K());
        return a.Questions.Zip(b.Questions)
            .Select(p => QuestionDifference.Between(a, p.First, b, p.Second, k))
            .Where(d => d.Differs)
            .ToList();
    }

    static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One question under two configurations: the gate's verdict, recall, first relevant rank and automated label of each.
/// A verdict is compared only where it says something about the question: one failing only because its configuration
/// differs from the verified snapshots' (another retriever or judge, a set-wide cause) counts as passing, since that
/// failure is the experiment itself and its cause line already covers every question. It shows as
/// <c>setting changed</c>, not as a failure.
/// </summary>
internal sealed record QuestionDifference(
    string QuestionId,
    string OutcomeA,
    string OutcomeB,
    QuestionMetrics? MetricsA,
    QuestionMetrics? MetricsB,
    int? FirstRelevantA,
    int? FirstRelevantB,
    Label? LabelA,
    Label? LabelB,
    Label? Manual)
{
    public static QuestionDifference Between(GateResult resultA, QuestionResult a, GateResult resultB, QuestionResult b, (int A, int B) k) => new(
        a.Question.Id, Outcome(resultA, a), Outcome(resultB, b), a.Metrics(k.A), b.Metrics(k.B), FirstRelevantRank(a), FirstRelevantRank(b),
        a.CurrentJudgment()?.Label, b.CurrentJudgment()?.Label, a.Question.Manual);

    public bool Differs => VerdictDiffers || MetricsA?.Recall != MetricsB?.Recall || FirstRelevantA != FirstRelevantB || LabelA != LabelB;

    public string Gate => $"{OutcomeA} → {OutcomeB}";

    /// <summary>One passes and the other fails for a reason of its own (a changed setting is no reason of the question's).</summary>
    bool VerdictDiffers => (OutcomeA == Fail) != (OutcomeB == Fail);

    const string Fail = "fail";

    public string Recall => $"{ReportNumbers.Score(MetricsA?.Recall)} → {ReportNumbers.Score(MetricsB?.Recall)}";

    public string FirstRelevant => $"{Rank(FirstRelevantA)} → {Rank(FirstRelevantB)}";

    public string Label => $"{LabelA?.ToString() ?? "—"} → {LabelB?.ToString() ?? "—"}" + (Manual is { } manual ? $" (people: {manual})" : "");

    /// <summary><c>105: gate pass → fail · recall 0.4286 → 0.8571 · first relevant 1 → 2 · label P → P (people: C)</c>, the parts that differ.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (VerdictDiffers) parts.Add($"gate {Gate}");
        if (MetricsA?.Recall != MetricsB?.Recall) parts.Add($"recall {Recall}");
        if (FirstRelevantA != FirstRelevantB) parts.Add($"first relevant {FirstRelevant}");
        if (LabelA != LabelB) parts.Add($"label {Label}");
        return $"{QuestionId}: {string.Join(" · ", parts)}";
    }

    static string Outcome(GateResult result, QuestionResult question) =>
        question.Passed ? "pass" : question.OnlySetWide(result) ? "setting changed" : Fail;

    /// <summary>The rank of the first relevant segment in the top-k; null when none is there (or none is named).</summary>
    static int? FirstRelevantRank(QuestionResult question)
    {
        var relevant = question.Question.Relevant.ToHashSet(StringComparer.Ordinal);
        foreach (var segment in question.Ranking.OrderBy(s => s.Rank))
        {
            if (relevant.Contains(segment.Id)) return segment.Rank;
        }
        return null;
    }

    static string Rank(int? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
