using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RegressionGate.Reports;

/// <summary>
/// Puts user text (questions, answers, reasonings, failure messages) into GitHub-flavoured Markdown so it reads as
/// written: nothing in it can open a link, an image, raw HTML, emphasis, a table cell or a heading, and nothing in it
/// becomes one of GitHub's automatic links in a comment: an <c>@mention</c> (which would notify someone), an issue
/// reference (<c>#12</c>, <c>GH-12</c>, <c>owner/repo#12</c>), a bare URL (<c>https://…</c>, <c>www.…</c>) or a commit
/// SHA. Those get a zero-width space (<c>&amp;#8203;</c>) where GitHub's patterns need two characters to touch, so
/// they still read the same.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>Characters that change meaning anywhere in a line; CommonMark lets any ASCII punctuation be backslash-escaped.</summary>
    const string Special = "\\`*_[]<>&|~";

    /// <summary>Characters that change meaning at the start of a line (heading, list, quote, thematic break).</summary>
    const string LineStart = "#+-=>";

    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The text on one line, escaped: for list items and table cells.</summary>
    public static string Inline(string text, int maxChars = int.MaxValue) => Escape(Excerpt.Line(text, maxChars));

    /// <summary>The text as a block quote, line for line (hard breaks keep the lines), escaped.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder();
        var lines = text.ReplaceLineEndings("\n").Trim('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var hardBreak = i + 1 < lines.Length && line.Length > 0 && lines[i + 1].Trim().Length > 0;
            quoted.Append('>');
            if (line.Length > 0) quoted.Append(' ').Append(EscapeLineStart(line));
            quoted.Append(hardBreak ? "\\\n" : "\n");
        }
        return quoted.ToString();
    }

    /// <summary>Text for inside an HTML element such as <c>&lt;summary&gt;</c>, where Markdown is not read.</summary>
    public static string HtmlInline(string text, int maxChars = int.MaxValue) => Neutralise(Html.Encode(Excerpt.Line(text, maxChars)));

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal)) escaped.Append('\\');
            escaped.Append(c);
        }
        return Neutralise(escaped.ToString());
    }

    /// <summary>The zero-width space, as an HTML character reference: Markdown and HTML both read it, GitHub's linkers don't see through it.</summary>
    public const string Break = "&#8203;";

    /// <summary>Breaks every GitHub auto-link in already-escaped text; see the class summary.</summary>
    public static string Neutralise(string text)
    {
        text = Mention().Replace(text, "@" + Break);
        text = Email().Replace(text, "@" + Break);
        text = IssueReference().Replace(text, "#" + Break);
        text = GhReference().Replace(text, "${gh}" + Break + "-");
        text = Scheme().Replace(text, ":" + Break);
        text = Www().Replace(text, "${www}" + Break + ".");
        return CommitSha().Replace(text, m => string.Join(Break, m.Value.Chunk(6).Select(chunk => new string(chunk))));
    }

    /// <summary>An <c>@</c> that starts a word and is followed by a user or team name (<c>recall@10</c> is no mention).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])")]
    private static partial System.Text.RegularExpressions.Regex Mention();

    /// <summary>The <c>@</c> of an e-mail address: after a local part, before a domain with a dot.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9-]+\\.[A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex Email();

    /// <summary>A <c>#</c> before a digit, except the one of a character reference (<c>&amp;#8203;</c>, <c>&amp;#39;</c>) this class or the HTML encoder wrote.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(?<!(?:^|[^\\\\])&)#(?=[0-9])")]
    private static partial System.Text.RegularExpressions.Regex IssueReference();

    [System.Text.RegularExpressions.GeneratedRegex("(?<gh>\\bGH)-(?=[0-9])", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex GhReference();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[A-Za-z0-9]):(?=//)")]
    private static partial System.Text.RegularExpressions.Regex Scheme();

    [System.Text.RegularExpressions.GeneratedRegex("(?<www>\\bwww)\\.", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Www();

    /// <summary>A word of 7 to 40 hex digits with at least one letter and one digit: what GitHub may take for a commit SHA.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("\\b(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{7,40}\\b")]
    private static partial System.Text.RegularExpressions.Regex CommitSha();

    /// <summary>Escapes a line that would otherwise read as a heading, list item, quote or numbered item.</summary>
    static string EscapeLineStart(string line)
    {
        var escaped = Escape(line);
        if (LineStart.Contains(escaped[0], StringComparison.Ordinal)) return "\\" + escaped;
        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits])) digits++;
        if (digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')') return escaped[..digits] + "\\" + escaped[digits..];
        return escaped;
    }
}
