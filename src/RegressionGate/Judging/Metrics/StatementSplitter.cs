using System.Text.RegularExpressions;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// Splits an answer into the statements groundedness grades. The rule, in order:
/// <list type="number">
/// <item>citation markers (<c>[2]</c>, <c>[1, 3]</c>, <c>[2–4]</c>) are removed: they point at sources, they claim nothing;</item>
/// <item>the text is cut at line breaks and after <c>.</c>, <c>!</c>, <c>?</c> or <c>…</c> followed by white space and a
/// capital letter, a digit or an opening quote or bracket (so <c>0.5</c> and <c>p. ex. o</c> stay whole);</item>
/// <item>list markers (<c>-</c>, <c>*</c>, <c>•</c>, <c>1.</c>) at the start of a piece are dropped;</item>
/// <item>a piece is trivial, and skipped, when it has fewer than <c>minWords</c> words once links and URLs are taken out
/// (headings such as "Referências:", a bare link, "Ver [2].").</item>
/// </list>
/// A word is a run of letters or digits. What remains, trimmed, are the statements, in order.
/// </summary>
public static partial class StatementSplitter
{
    /// <summary>The default of <c>minWords</c>: shorter pieces are headings or references, not claims.</summary>
    public const int DefaultMinWords = 4;

    /// <summary>The statements of <paramref name="answer"/>, by the rule above, skipping pieces of fewer than <paramref name="minWords"/> words.</summary>
    public static IReadOnlyList<string> Split(string answer, int minWords = DefaultMinWords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minWords, 1);
        var text = Spaces().Replace(Citation().Replace(answer.ReplaceLineEndings("\n"), ""), " ");
        var statements = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            foreach (var piece in SentenceEnd().Split(line))
            {
                var statement = ListMarker().Replace(piece.Trim(), "").Trim();
                if (statement.Length == 0 || Words(Link().Replace(statement, " ")) < minWords) continue;
                statements.Add(statement);
            }
        }
        return statements;
    }

    static int Words(string text) => Word().Count(text);

    [GeneratedRegex(@"\s*\[\d+(?:\s*[,;–-]\s*\d+)*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\d""“'(\[])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:[-*•]|\d{1,2}[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\[[^\]]*\]\([^)]*\)|https?://\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
