using RegressionGate.Reports;

namespace RegressionGate.Tests.Reports;

public sealed class PullRequestCommentTests
{
    const string GoldenDir = "/work/golden";

    [Fact]
    public void A_thousand_failing_questions_fit_the_comment_limit_marker_first_and_aggregates_kept()
    {
        var result = Scenarios.Large(GoldenDir, 1000, reasoningChars: 6000);

        var comment = PullRequestComment.Render(result);

        Assert.True(comment.Length <= PullRequestComment.GitHubCommentLimit, $"{comment.Length} characters");
        Assert.StartsWith(PullRequestComment.Marker + "\n## ❌ RegressionGate failed", comment);
        Assert.Contains("> **Shortened** to fit GitHub's 65,536-character comment limit:", comment);
        Assert.Contains("### Aggregates against the baseline", comment);
        Assert.Contains("### How to approve", comment);
        // What fits is listed: the report keeps as many questions' reasons as the limit allows, not none.
        Assert.Contains("- **q0000**", comment);
    }

    [Fact]
    public void A_small_run_is_the_markdown_report_under_the_marker()
    {
        var result = Scenarios.FailingRun(GoldenDir);

        Assert.Equal(PullRequestComment.Marker + "\n" + MarkdownReport.Render(result), PullRequestComment.Render(result));
    }

    [Fact]
    public void Text_over_the_limit_is_cut_at_a_line_with_its_open_fold_closed_and_a_note()
    {
        var lines = string.Concat(Enumerable.Range(0, 400).Select(i => $"line {i:000} ........................................\n"));
        var markdown = "## title\n\n<details><summary>long</summary>\n\n" + lines + "</details>\n";

        var fitted = PullRequestComment.Fit(markdown, limit: 4000);

        Assert.True(fitted.Length <= 4000, $"{fitted.Length}");
        var kept = fitted[..fitted.IndexOf("\n</details>", StringComparison.Ordinal)];
        Assert.EndsWith("........", kept);
        Assert.Contains("\n</details>\n\n> **Cut** here to fit GitHub's comment limit", fitted);
        Assert.Equal(markdown, PullRequestComment.Fit(markdown, limit: markdown.Length));
    }
}
