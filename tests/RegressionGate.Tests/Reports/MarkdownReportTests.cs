using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RegressionGate.Reports;
using RegressionGate.Snapshots;
using Xunit.Abstractions;
using RegressionGate.Environments;

namespace RegressionGate.Tests.Reports;

public sealed class MarkdownReportTests(ITestOutputHelper output)
{
    const string GoldenDir = "/work/golden";

    [Fact]
    public void A_passing_run_says_so_on_the_first_line()
    {
        var result = new GateResultBuilder(GoldenDir).Question("1").Question("2").Question("3").Build();

        var markdown = MarkdownReport.Render(result);

        Assert.Equal("## ✅ RegressionGate passed: 3 questions", markdown.Split('\n')[0]);
        Assert.DoesNotContain("### Failing questions", markdown);
        Assert.Contains("Nothing to approve: every result matches its verified snapshot.", markdown);
    }

    [Fact]
    public void A_failing_run_counts_what_failed_on_the_first_line()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        Assert.Equal("## ❌ RegressionGate failed: 3 of 5 questions failed; 1 aggregate check failed", markdown.Split('\n')[0]);
    }

    [Fact]
    public void Each_failing_question_is_listed_with_its_reasons_in_words()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        var failing = Section(markdown, "### Failing questions (3)");
        Assert.Contains("- **105** · Qual é o objetivo da camada de pooling em uma rede neural?\n", failing);
        Assert.Contains("  - retrieval: rank-biased overlap 0.7000 is below the minimum 0.9 (p = 0.9); segment 3027 fell from rank 1 to 7; segment 4411 entered at rank 3\n", failing);
        Assert.Contains("  - judgment: AR 1.00 → 0.67, label C → P (AR tolerance 0); people said C\n", failing);
        Assert.Contains("  - judgment: question 202: no recording for this request; run \\`regression-gate run --llm record\\`\n", failing);
        Assert.DoesNotContain("**203**", failing);
    }

    [Fact]
    public void The_quoted_reasonings_of_a_failing_judgment_are_folded_under_it()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        var failing = Section(markdown, "### Failing questions (3)");
        var fold = failing[failing.IndexOf("<details><summary>201: both reasonings</summary>", StringComparison.Ordinal)..];
        Assert.Contains("> verified reasoning: \"Criteria: the whole PROMPT.\\\n> Supporting Evidence: it explains pooling fully.\\\n> Score: 3\"", fold);
        Assert.Contains("> current reasoning: \"Criteria: the whole PROMPT.", fold);
    }

    [Fact]
    public void Aggregates_show_baseline_current_delta_interval_tolerance_and_floor()
    {
        var result = Scenarios.FailingRun(GoldenDir);

        var markdown = MarkdownReport.Render(result);

        var current = result.Summary.Retrieval!.Recall;
        var interval = result.RetrievalIntervals!.Recall;
        var expected = string.Create(CultureInfo.InvariantCulture,
            $"| recall@10 | 0.9500 | {current:0.0000} | {current - 0.95:0.0000} | {interval.Low:0.0000} – {interval.High:0.0000} | 0.05 | 0 | ❌ below baseline |");
        Assert.Contains(expected, markdown);
        var kappa = result.Agreement!.Kappa;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"| Cohen's κ | {kappa.Value:0.0000} | {kappa.Value:0.0000} | 0 | {kappa.Low:0.0000} – {kappa.High:0.0000} | 0.1 | -1 | ✅ ok |"), markdown);
        Assert.Contains("- recall@10: baseline 0.9500, current 0.8750, Δ -0.0750 exceeds tolerance 0.05", Section(markdown, "### Aggregates against the baseline"));
    }

    [Fact]
    public void A_delta_below_the_snapshot_precision_prints_as_0()
    {
        var result = new GateResultBuilder(GoldenDir).Question("1")
            .SummaryBaseline(current => current with { Retrieval = current.Retrieval! with { Mrr = current.Retrieval.Mrr + 1e-9 } })
            .Build();

        var markdown = MarkdownReport.Render(result);

        Assert.Contains("| MRR@10 | 1.0000 | 1.0000 | 0 |", markdown);
    }

    [Fact]
    public void The_confusion_matrix_counts_manual_labels_against_automated_ones()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        // Judged with a manual label: 105 C→C, 201 C→P, 203 I→C.
        var matrix = Section(markdown, "### Agreement: manual × automated");
        Assert.Contains("| **I** | 0 | 0 | 1 | 1 |\n| **P** | 0 | 0 | 0 | 0 |\n| **C** | 0 | 1 | 1 | 2 |\n| **total** | 0 | 1 | 2 | **3** |", matrix);
        Assert.Contains("1 of 3 answers agree", matrix);
    }

    [Fact]
    public void Every_disagreement_shows_question_answer_both_labels_and_the_reasoning()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        var disagreements = Section(markdown, "### Disagreements: manual ≠ automated (2)");
        Assert.Contains("<details><summary><b>201</b> · manual C, automated P (AR 0.67) · Pergunta 201", disagreements);
        Assert.Contains("<details><summary><b>203</b> · manual I, automated C (AR 1.00) · Pergunta 203", disagreements);
        Assert.Contains("**Answer** (excerpt): Resposta com", disagreements);
        Assert.Contains("**Judge's reasoning** (score 2 of 3):\n> Criteria: the whole PROMPT.\\\n> Supporting Evidence: it explains Max pooling only.\\\n> Score: 2\n", disagreements);
    }

    [Fact]
    public void User_text_is_escaped_so_it_cannot_add_markup()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        var fold = Section(markdown, "### Disagreements: manual ≠ automated (2)");
        Assert.DoesNotContain("<b id=\"injected\">", markdown);
        Assert.DoesNotContain("<script>", markdown);
        Assert.Contains("Resposta com \\<b id=\"injected\"\\>marcação\\</b\\> \\| barra \\& \\[link\\](https:&#8203;//example.org/x) e \\`código\\`", fold);
        Assert.Contains("> \\# not a heading\\\n> \\- not a list\\\n> 1\\. not numbered\\\n> Score: 3 \\<script\\>alert(1)\\</script\\>", fold);
    }

    [Fact]
    public void Recordings_identities_and_the_approval_command_close_the_report()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        Assert.Contains("| authored | 2 |\n| imported | 1 |\n| recorded | 1 |\n| **total** | **4** |", markdown);
        Assert.Contains("| retriever | kind `dense` · model `bundled:all-MiniLM-L6-v2` · modelSha256 `34ab1796", markdown);
        Assert.Contains("| judge | kind `answer-relevance` · model `gpt-4o-mini` · promptVersion `ar-v1` |", markdown);
        var approval = Section(markdown, "### How to approve");
        Assert.Contains("3 received snapshots (`*.received.json`) were written", approval);
        Assert.Contains(ToolCommand.Current.With("approve --golden /work/golden --dry-run"), approval);
        Assert.Contains($"\n{ToolCommand.Current.With("approve --golden /work/golden")}\n", approval);
    }

    [Fact]
    public void A_floor_violation_is_named_as_something_approval_cannot_fix()
    {
        var result = new GateResultBuilder(GoldenDir).Question("1", q => q.Judge(0)).Build();
        result = result with { Input = result.Input with { Settings = result.Settings with { Floors = new Floors { Accuracy = 0.6 } } } };

        var markdown = MarkdownReport.Render(result);

        Assert.Contains("| accuracy | 0.0000 | 0.0000 | 0 |", markdown);
        Assert.Contains("❌ below floor |", markdown);
        Assert.Contains("Floors hold even after an approval: accuracy must rise to the floor", markdown);
    }

    [Fact]
    public void A_thousand_failing_questions_with_long_reasonings_stay_under_GitHubs_summary_limit()
    {
        var result = Scenarios.Large(GoldenDir, 1000, reasoningChars: 6000);

        var markdown = MarkdownReport.Render(result);

        var bytes = Encoding.UTF8.GetByteCount(markdown);
        output.WriteLine($"1,000 failing questions, 6,000-character reasonings: {bytes:N0} bytes of Markdown");
        Assert.InRange(bytes, MarkdownReport.DefaultBudget / 2, MarkdownReport.DefaultBudget);
        Assert.True(bytes < MarkdownReport.GitHubSummaryLimit);
        Assert.Equal("## ❌ RegressionGate failed: 1000 of 1000 questions failed", markdown.Split('\n')[0]);
        // Every failing question keeps its reasons; what was cut is details, and the note says so.
        var listed = Regex.Matches(markdown, @"^- \*\*(q\d{4})\*\* · Pergunta", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(result.Questions.Select(q => q.Question.Id), listed);
        Assert.Matches(@"> \*\*Shortened\*\* to stay under GitHub's 1 MiB job-summary limit: \d+ failing questions are listed without their details; .*Everything is in gate-report.json and gate-report.html", markdown);
        Assert.Contains("### Aggregates against the baseline", markdown);
        Assert.Contains("### How to approve", markdown);
    }

    [Fact]
    public void A_small_budget_lists_what_fits_and_says_how_many_were_left_out()
    {
        var result = Scenarios.Large(GoldenDir, 200, reasoningChars: 2000);

        var markdown = MarkdownReport.Render(result, budgetBytes: 40_000);

        Assert.True(Encoding.UTF8.GetByteCount(markdown) <= 40_000);
        var listed = Regex.Matches(markdown, @"^- \*\*q\d{4}\*\* · Pergunta", RegexOptions.Multiline).Count;
        var note = Regex.Match(markdown, @"(\d+) of 200 failing questions are not listed");
        Assert.True(note.Success, "the note names how many failing questions are left out");
        Assert.Equal(200 - listed, int.Parse(note.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Contains($"_… and {200 - listed} more failing questions: see gate-report.json and gate-report.html._", markdown);
        // Each tier takes items in order while they fit: a few short disagreement lines may fit where a question did not.
        var disagreements = Regex.Matches(markdown, @"^- \*\*q\d{4}\*\* · manual", RegexOptions.Multiline).Count;
        Assert.Contains($"{67 - disagreements} of 67 disagreements are not listed", markdown);
        // The listed ones are the first ones, in order.
        Assert.Contains($"- **q{listed - 1:0000}** · ", markdown);
        Assert.DoesNotContain($"- **q{listed:0000}** · ", markdown);
    }

    [Fact]
    public void Nothing_is_said_to_be_shortened_when_everything_fits()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        Assert.DoesNotContain("Shortened", markdown);
        Assert.DoesNotContain("more failing questions", markdown);
    }

    [Fact]
    public void A_run_without_a_judge_or_baseline_says_there_is_nothing_to_compare()
    {
        var markdown = MarkdownReport.Render(Scenarios.NothingToCompare(GoldenDir));

        Assert.Contains("No answer has both a manual label and a judgment", markdown);
        Assert.Contains("No LLM recordings were used (LLM mode: none).", markdown);
        Assert.Contains("| judge | none (no answers to judge) |", markdown);
        Assert.Contains("| recall@10 | — | 1.0000 | — |", markdown);
    }

    [Fact]
    public void The_aggregates_come_first_then_the_causes_then_the_failing_questions()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        var lines = markdown.Split('\n');
        var firstAggregate = Array.FindIndex(lines, l => l.StartsWith("| recall@10 |", StringComparison.Ordinal)) + 1;
        Assert.InRange(firstAggregate, 1, 9);
        Assert.True(markdown.IndexOf("### Aggregates against the baseline", StringComparison.Ordinal) < markdown.IndexOf("### Causes (3)", StringComparison.Ordinal));
        Assert.True(markdown.IndexOf("### Causes (3)", StringComparison.Ordinal) < markdown.IndexOf("### Failing questions (3)", StringComparison.Ordinal));
        var causes = Section(markdown, "### Causes (3)");
        Assert.Contains("- **no recording of the judge's request (replay): record it with --llm record** · 1 question (judgment): 202\n", causes);
    }

    [Fact]
    public void A_failing_retrieval_folds_its_verified_and_current_ranking_side_by_side_relevant_starred()
    {
        var markdown = MarkdownReport.Render(Scenarios.FailingRun(GoldenDir));

        var failing = Section(markdown, "### Failing questions (3)");
        Assert.Contains("<details><summary>105: verified and current ranking</summary>", failing);
        Assert.Contains("| rank | verified | score | current | score |\n| ---: | --- | ---: | --- | ---: |\n| 1 | s1 ★ | 0.8500 | s3 | 0.8500 |\n| 2 | s2 ★ _(left)_ | 0.8400 | s1 ★ | 0.8400 |\n| 3 | s3 | 0.8300 | s11 _(new)_ | 0.8300 |", failing);
    }

    [Fact]
    public void Questions_whose_ranking_holds_an_edited_segment_name_it_as_their_cause()
    {
        var result = new GateResultBuilder(GoldenDir)
            .EditSegment("s2", "receita de bolo")
            .Question("105", q =>
            {
                q.Ranking = GateResultBuilder.Ranking("s1", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11");
                q.RetrievalFailures.Add("rank-biased overlap 0.85 is below the minimum 0.9 (p = 0.9)");
            })
            .Build();

        var markdown = MarkdownReport.Render(result);

        Assert.Contains("- **segment s2 text changed** · 1 question (retrieval): 105\n", Section(markdown, "### Causes (1)"));
        Assert.Contains("  - cause: segment s2 text changed\n", Section(markdown, "### Failing questions (1)"));
    }

    /// <summary>The text from <paramref name="heading"/> to the next heading of the same level.</summary>
    static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        var end = markdown.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..(end + 1)];
    }
}
