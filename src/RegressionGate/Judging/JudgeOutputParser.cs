using System.Globalization;
using System.Text.RegularExpressions;

namespace RegressionGate.Judging;

/// <summary>
/// Reads the score from a judge's <c>Criteria / Supporting Evidence / Score</c> output. Forgiving about form
/// (Markdown headings and bold, CRLF, Portuguese "Pontuação", "2/3", text after the score), strict about content:
/// no score, a fraction, or a value outside 0–max is a failure, never a 0.
/// </summary>
internal static partial class JudgeOutputParser
{
    // A label, optional Markdown emphasis, then a real separator (':', '=', a dash, or a line break as after a heading),
    // then the number. A separator is required so "a maximum score of 3" or "score 3" inside the criteria never reads as the verdict.
    [GeneratedRegex(
        @"(?<!\p{L})(?:final\s+)?(?:score|pontua[çc][ãa]o)(?:\s+final)?[ \t]*(?:\*\*|__|\*|_)?[ \t]*(?:[:=]|[-–—](?=\s)|\r?\n)[\s*_#>:]*(?<n>[+-]?\d+(?:[.,]\d+)?)(?:[ \t]*(?:/|de|out of|of)[ \t]*(?<d>\d+))?(?![\d.,]\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScorePattern();

    /// <summary>The last score the output states (the verdict comes after the reasoning), checked against 0–<paramref name="maxScore"/>.</summary>
    public static ScoreReading Parse(string? output, int maxScore = AnswerRelevancePrompt.MaxScore)
    {
        if (string.IsNullOrWhiteSpace(output)) return ScoreReading.Failed("the judge's output is empty");
        var matches = ScorePattern().Matches(output);
        if (matches.Count == 0) return ScoreReading.Failed($"the judge's output has no 'Score: N' (N from 0 to {maxScore})");

        var match = matches[^1];
        var text = match.Groups["n"].Value;
        if (match.Groups["d"].Success && match.Groups["d"].Value != maxScore.ToString(CultureInfo.InvariantCulture))
            return ScoreReading.Failed($"the judge scored '{match.Value.Trim()}', on a scale other than 0–{maxScore}");
        if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return ScoreReading.Failed($"the judge's score '{text}' is not a number");
        if (number != decimal.Truncate(number))
            return ScoreReading.Failed($"the judge's score {text} is not a whole number from 0 to {maxScore}");
        if (number < 0 || number > maxScore)
            return ScoreReading.Failed($"the judge's score {text} is outside 0–{maxScore}");
        return ScoreReading.Of((int)number);
    }
}
