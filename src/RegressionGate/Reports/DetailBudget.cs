using System.Text;

namespace RegressionGate.Reports;

/// <summary>How much of one listed item a size-limited report shows.</summary>
internal enum Detail
{
    Omitted,
    Brief,
    Full,
}

/// <summary>One listed item of a report, short and long. <see cref="Full"/> replaces <see cref="Brief"/> when there is room.</summary>
internal sealed record ReportItem(string Brief, string Full);

/// <summary>
/// Shares a byte budget among a report's lists by priority: every list's brief forms first (list by list, each in
/// order), then their full forms. Each list keeps a prefix at each level, so a note can say "the first N".
/// </summary>
internal static class DetailBudget
{
    /// <summary>The level of every item of every list, within <paramref name="availableBytes"/> (UTF-8).</summary>
    public static IReadOnlyList<Detail[]> Allot(IReadOnlyList<IReadOnlyList<ReportItem>> lists, long availableBytes)
    {
        var levels = lists.Select(list => new Detail[list.Count]).ToList();
        var left = availableBytes;
        for (var l = 0; l < lists.Count; l++)
        {
            for (var i = 0; i < lists[l].Count; i++)
            {
                var cost = Bytes(lists[l][i].Brief);
                if (cost > left) break;
                left -= cost;
                levels[l][i] = Detail.Brief;
            }
        }
        for (var l = 0; l < lists.Count; l++)
        {
            for (var i = 0; i < lists[l].Count && levels[l][i] == Detail.Brief; i++)
            {
                var cost = Bytes(lists[l][i].Full) - Bytes(lists[l][i].Brief);
                if (cost > left) break;
                left -= cost;
                levels[l][i] = Detail.Full;
            }
        }
        return levels;
    }

    public static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The item as its level allows; empty when omitted.</summary>
    public static string Show(ReportItem item, Detail level) => level switch
    {
        Detail.Full => item.Full,
        Detail.Brief => item.Brief,
        _ => "",
    };
}
