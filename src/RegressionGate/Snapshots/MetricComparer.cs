using System.Text;
using RegressionGate.Formatting;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Snapshots;

/// <summary>
/// Fails a question's part-wise metric when its mean score moved more than the metric's per-question tolerance
/// (<c>judge.metrics.{name}.score</c>), when it became or stopped being measurable, or when a part became or stopped
/// being flagged (a statement now unsupported). The message says which parts moved, in words, one a line.
/// </summary>
internal sealed class MetricComparer(JudgeMetric metric) : ISnapshotComparer<MetricSnapshot>
{
    public IReadOnlyList<string> Compare(MetricSnapshot verified, MetricSnapshot current)
    {
        var moved = (verified.Score, current.Score) switch
        {
            ({ } before, { } after) => Math.Abs(after - before) > metric.Rules.Score + RetrievalComparer.Epsilon,
            (null, null) => false,
            _ => true,
        };
        var flags = FlagChanges(verified, current);
        if (!moved && flags.Count == 0) return [];

        var message = new StringBuilder($"{metric.Abbreviation} {Show(verified.Score)} → {Show(current.Score)} (tolerance {Display.Setting(metric.Rules.Score)})");
        var judge = current.Judge.ChangesFrom(verified.Judge);
        if (judge.Count > 0) message.Append($"; judge changed: {string.Join("; ", judge)}");
        foreach (var change in PartChanges(metric, verified, current)) message.Append('\n').Append(change);
        return [message.ToString()];
    }

    /// <summary>Parts that became or stopped being flagged, as keys.</summary>
    static IReadOnlyList<string> FlagChanges(MetricSnapshot verified, MetricSnapshot current)
    {
        var before = verified.Parts.Where(p => p.Flagged).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var after = current.Parts.Where(p => p.Flagged).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        before.SymmetricExceptWith(after);
        return before.ToList();
    }

    /// <summary>
    /// Each part whose grade changed, that is new, or that is gone, in words: <c>segment 1009 0.33 → 1.00</c>,
    /// <c>statement «…» newly graded 0.33 (unsupported)</c>, <c>segment 1806 no longer graded (was 0.00)</c>.
    /// </summary>
    internal static IReadOnlyList<string> PartChanges(JudgeMetric metric, MetricSnapshot verified, MetricSnapshot current)
    {
        var before = verified.Parts.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var after = current.Parts.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var changes = new List<string>();
        foreach (var part in current.Parts)
        {
            if (!before.TryGetValue(part.Key, out var was))
                changes.Add($"{Name(part)} newly graded {Display.Ar(part.Normalised)}{Flag(metric, part)}");
            else if (was.Normalised != part.Normalised || was.Flagged != part.Flagged)
                changes.Add($"{Name(part)} {Display.Ar(was.Normalised)} → {Display.Ar(part.Normalised)}{(was.Flagged && !part.Flagged ? $" (no longer {metric.FlagWord})" : Flag(metric, part))}");
        }
        foreach (var part in verified.Parts.Where(p => !after.ContainsKey(p.Key)))
            changes.Add($"{Name(part)} no longer graded (was {Display.Ar(part.Normalised)})");
        return changes;
    }

    static string Name(PartSnapshot part) => part.Text is { } text ? $"statement «{Excerpt(text)}»" : $"segment {part.Id}";

    static string Flag(JudgeMetric metric, PartSnapshot part) => part.Flagged ? $" ({metric.FlagWord})" : "";

    static string Excerpt(string text) => text.Length <= 80 ? text : text[..80].TrimEnd() + "…";

    static string Show(double? score) => score is { } s ? Display.Ar(s) : "not measured";
}
