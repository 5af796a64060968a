using RegressionGate.Formatting;

namespace RegressionGate.Snapshots;

/// <summary>
/// Differs from the verified baseline when an aggregate moved more than its tolerance in either direction, or when it
/// was measured over other questions or by another retriever or judge; approval accepts that, and because a rise
/// differs too, the baseline ratchets up with every approved improvement instead of staying where it first stood.
/// Separately, an aggregate below its absolute floor in <c>gate.json</c> fails with or without a baseline.
/// </summary>
internal sealed class SummaryComparer(Tolerances tolerances, Floors floors) : ISnapshotComparer<SummarySnapshot>
{
    public IReadOnlyList<string> Compare(SummarySnapshot verified, SummarySnapshot current)
    {
        var messages = new List<string>();
        if (current.Basis is { } basis)
        {
            if (verified.Basis is { } before) messages.AddRange(basis.ChangesFrom(before));
            else messages.Add(UnrecordedBasis);
        }
        foreach (var metric in SummaryMetric.All)
        {
            if (metric.Value(verified) is not { } baseline) continue;
            var name = metric.Name(verified);
            if (metric.Value(current) is not { } value)
            {
                messages.Add($"{name}: baseline {Display.Score(baseline)}, current not measured");
                continue;
            }
            var tolerance = metric.Tolerance(tolerances);
            if (Math.Abs(value - baseline) <= tolerance + RetrievalComparer.Epsilon) continue;
            var message = $"{name}: baseline {Display.Score(baseline)}, current {Display.Score(value)}, Δ {Display.Delta(value - baseline)} exceeds tolerance {Display.Setting(tolerance)}";
            messages.Add(value > baseline ? $"{message} (an improvement: approve it, so that the baseline holds the new level)" : message);
        }
        return messages;
    }

    internal const string UnrecordedBasis =
        "the baseline does not record the questions, retriever and judge it was measured over (it was written by an " +
        "earlier version): approve the received summary to record them";

    public IReadOnlyList<string> Violations(SummarySnapshot? verified, SummarySnapshot current)
    {
        var messages = new List<string>();
        foreach (var metric in SummaryMetric.All)
        {
            if (metric.Value(current) is not { } value) continue;
            var floor = metric.Floor(floors);
            if (value >= floor - RetrievalComparer.Epsilon) continue;
            var baseline = verified is null ? null : metric.Value(verified);
            var against = baseline is { } b ? $"baseline {Display.Score(b)}, Δ {Display.Delta(value - b)}" : "no baseline";
            messages.Add($"{metric.Name(current)}: current {Display.Score(value)} is below the floor {Display.Setting(floor)} ({against})");
        }
        return messages;
    }
}
