using System.Text;

namespace RegressionGate.Reports;

/// <summary>Shortens user text for a report without splitting a character, and says that it did.</summary>
internal static class Excerpt
{
    public const string Ellipsis = "…";

    /// <summary>One line of at most <paramref name="maxChars"/> characters: whitespace runs become one space, the cut falls between words where it can.</summary>
    public static string Line(string text, int maxChars)
    {
        var line = CollapseWhitespace(text);
        if (line.Length <= maxChars) return line;
        var cut = SafeCut(line, maxChars - Ellipsis.Length);
        var space = line.LastIndexOf(' ', Math.Max(cut - 1, 0));
        if (space > cut * 4 / 5) cut = space;
        return line[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>The text with its lines kept, cut after <paramref name="maxChars"/> characters with a note saying where the rest is.</summary>
    public static string Block(string text, int maxChars, string restIn)
    {
        if (text.Length <= maxChars) return text;
        var cut = SafeCut(text, maxChars);
        return $"{text[..cut].TrimEnd()}{Ellipsis}\n({text.Length - cut} more characters in {restIn})";
    }

    /// <summary>A message's first line: what it says in one sentence (the rest quotes reasonings or judge output).</summary>
    public static string FirstLine(string message) => message.ReplaceLineEndings("\n").Split('\n')[0];

    /// <summary>Everything after a message's first line; empty for a one-line message.</summary>
    public static string AfterFirstLine(string message)
    {
        var text = message.ReplaceLineEndings("\n");
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? "" : text[(end + 1)..];
    }

    static string CollapseWhitespace(string text)
    {
        var line = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) line.Append(' ');
            space = false;
            line.Append(c);
        }
        return line.ToString();
    }

    /// <summary>A cut at or before <paramref name="at"/> that does not separate a surrogate pair.</summary>
    static int SafeCut(string text, int at)
    {
        at = Math.Clamp(at, 0, text.Length);
        return at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) ? at - 1 : at;
    }
}
