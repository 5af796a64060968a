using RegressionGate.Files;
using RegressionGate.Gate;

namespace RegressionGate.Reports;

/// <summary>Writes every report of a run into one directory (<c>--out</c>), each file atomically.</summary>
public static class GateReports
{
    /// <summary>The pull request's job summary.</summary>
    public const string MarkdownFile = "gate-report.md";
    /// <summary>The report for scripts (schema <c>regression-gate/report/v1</c>).</summary>
    public const string JsonFile = "gate-report.json";
    /// <summary>One self-contained page with charts.</summary>
    public const string HtmlFile = "gate-report.html";

    /// <summary>The report as a sticky pull-request comment (<see cref="PullRequestComment"/>), for the workflow that posts it.</summary>
    public const string CommentFile = "gate-comment.md";

    /// <summary>The folder of <c>--out</c> that holds one record per question.</summary>
    public const string RecordsFolder = "records";

    /// <summary>
    /// Writes <see cref="MarkdownFile"/>, <see cref="JsonFile"/>, <see cref="HtmlFile"/> and the per-question records
    /// under <see cref="RecordsFolder"/>, and <see cref="CommentFile"/>. Returns the three reports' paths, then the
    /// records folder's, then the comment's.
    /// </summary>
    public static IReadOnlyList<string> Write(GateResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var markdown = Path.Combine(directory, MarkdownFile);
        var json = Path.Combine(directory, JsonFile);
        var html = Path.Combine(directory, HtmlFile);
        var records = Path.Combine(directory, RecordsFolder);
        AtomicFile.WriteAllText(markdown, MarkdownReport.Render(result));
        AtomicFile.WriteAllText(json, JsonReport.Render(result));
        AtomicFile.WriteAllText(html, HtmlReport.Render(result));
        RecordsReport.Write(result, records);
        var comment = Path.Combine(directory, CommentFile);
        AtomicFile.WriteAllText(comment, PullRequestComment.Render(result));
        return [markdown, json, html, records, comment];
    }
}
