using RegressionGate.Gate;

namespace RegressionGate.Reports;

/// <summary>
/// The Markdown report as a sticky pull-request comment: a hidden marker on the first line, by which the workflow
/// finds the comment it posted before and edits it instead of adding one per run, then the report shortened to fit
/// GitHub's limit of 65,536 characters per comment. User text in it is escaped and its auto-links neutralised by
/// <see cref="MarkdownText"/>, so a question that says <c>@team</c> notifies no one.
/// </summary>
internal static class PullRequestComment
{
    /// <summary>The most characters GitHub accepts in one issue or pull-request comment.</summary>
    public const int GitHubCommentLimit = 65_536;

    /// <summary>The hidden first line that marks the gate's comment; the workflow looks for exactly this text.</summary>
    public const string Marker = "<!-- regression-gate:sticky-report -->";

    /// <summary>Room kept under the limit for what <see cref="Fit"/> may append.</summary>
    const int Reserve = 512;

    /// <summary>
    /// The comment for <paramref name="result"/>: the marker, then the report within the limit. The report's budget is
    /// in UTF-8 bytes, at least one per character, so a report within it is within the character limit too.
    /// </summary>
    public static string Render(GateResult result)
    {
        var report = MarkdownReport.Render(result, GitHubCommentLimit - Marker.Length - 1 - Reserve,
            "to fit GitHub's 65,536-character comment limit");
        return Fit(Marker + "\n" + report);
    }

    /// <summary>
    /// <paramref name="markdown"/> cut to at most <paramref name="limit"/> characters: at the last line break that
    /// leaves room for the note saying so, closing a <c>&lt;details&gt;</c> fold the cut left open, never inside a
    /// surrogate pair. Text within the limit is returned as it is.
    /// </summary>
    public static string Fit(string markdown, int limit = GitHubCommentLimit)
    {
        if (markdown.Length <= limit) return markdown;
        const string note = "\n\n> **Cut** here to fit GitHub's comment limit; the whole report is in the build artifacts (gate-report.md, .json, .html).\n";
        const string close = "\n</details>";
        var room = limit - note.Length - close.Length;
        if (room <= 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "too small to hold the note that says the text was cut");
        var cut = markdown.LastIndexOf('\n', room - 1);
        if (cut <= 0) cut = room;
        if (char.IsHighSurrogate(markdown[cut - 1])) cut--;
        var kept = markdown[..cut];
        var open = Occurrences(kept, "<details") - Occurrences(kept, "</details>");
        return kept + (open > 0 ? close : "") + note;
    }

    static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
