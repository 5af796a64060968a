using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RegressionGate.Reports;

/// <summary>
/// Puts user text (questions, answers, reasonings, failure messages) into GitHub-flavoured Markdown so it reads as
/// written: nothing in it can open a link, an image, raw HTML, emphasis, a table cell or a heading.
/// </summary>
internal static class MarkdownText
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
    public static string HtmlInline(string text, int maxChars = int.MaxValue) => Html.Encode(Excerpt.Line(text, maxChars));

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

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
