using System.Globalization;
using System.Text;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Reports;

/// <summary>
/// A question's verified and current top-k side by side, rank by rank: segment, score, ★ for a relevant segment,
/// "left" for a verified segment no longer ranked and "new" for a current one that was not. The same table as plain
/// text (console, test output, interactive review) and as Markdown; the HTML report draws it from the same rows.
/// </summary>
internal static class RankingTable
{
    public const string Star = "★";
    public const string LeftMark = "left";
    public const string NewMark = "new";

    /// <summary>The table in fixed-width text, every line indented by <paramref name="indent"/>; <paramref name="note"/> goes under it.</summary>
    public static string Text(RankingChange change, string? note = null, string indent = "  ")
    {
        var rows = change.Rows();
        var idWidth = rows.SelectMany(r => new[] { r.Before?.Id, r.After?.Id }).OfType<string>().Select(id => id.Length).DefaultIfEmpty(2).Max();
        var cellWidth = idWidth + 2 + 1 + 6 + 1 + LeftMark.Length;
        var text = new StringBuilder();
        text.Append(indent).Append("rank  ").Append("verified".PadRight(cellWidth)).Append("  current\n");
        foreach (var row in rows)
        {
            text.Append(indent).Append(Count(row.Rank).PadLeft(4)).Append("  ")
                .Append(Cell(row.Before, row.BeforeRelevant, row.BeforeLeft ? LeftMark : null, idWidth).PadRight(cellWidth)).Append("  ")
                .Append(Cell(row.After, row.AfterRelevant, row.AfterEntered ? NewMark : null, idWidth).TrimEnd()).Append('\n');
        }
        if (note is not null) text.Append(indent).Append(note).Append('\n');
        return text.ToString();
    }

    /// <summary>The table in GitHub-flavoured Markdown, with <paramref name="note"/> as a line under it.</summary>
    public static string Markdown(RankingChange change, string? note = null)
    {
        var text = new StringBuilder("| rank | verified | score | current | score |\n| ---: | --- | ---: | --- | ---: |\n");
        foreach (var row in change.Rows())
        {
            text.Append("| ").Append(Count(row.Rank))
                .Append(" | ").Append(Id(row.Before, row.BeforeRelevant, row.BeforeLeft ? LeftMark : null))
                .Append(" | ").Append(ReportNumbers.Score(row.Before?.Score))
                .Append(" | ").Append(Id(row.After, row.AfterRelevant, row.AfterEntered ? NewMark : null))
                .Append(" | ").Append(ReportNumbers.Score(row.After?.Score)).Append(" |\n");
        }
        if (note is not null) text.Append('\n').Append(MarkdownText.Inline(note)).Append('\n');
        return text.ToString();
    }

    /// <summary><c>1009 ★ 0.6381 left</c>: id, star, score and mark, the id padded so the columns line up.</summary>
    static string Cell(RankedSegment? segment, bool relevant, string? mark, int idWidth) => segment is not { } s
        ? ""
        : $"{s.Id.PadRight(idWidth)}{(relevant ? " " + Star : "  ")} {ReportNumbers.Score(s.Score)}{(mark is null ? "" : " " + mark)}";

    static string Id(RankedSegment? segment, bool relevant, string? mark) => segment is not { } s
        ? "—"
        : MarkdownText.Inline(s.Id) + (relevant ? " " + Star : "") + (mark is null ? "" : $" _({mark})_");

    static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
