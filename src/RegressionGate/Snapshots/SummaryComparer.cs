using RegressionGate.Formatting;

namespace RegressionGate.Snapshots;

/// <summary>
/// Fails the run when an aggregate drops more than its tolerance below the verified baseline (approval can accept
/// that), or below its absolute floor in <c>gate.json</c> (which holds with or without a baseline, approved or not).
/// </summary>
internal sealed class SummaryComparer(Tolerances tolerances, Floors floors) : ISnapshotComparer<SummarySnapshot>
{
    public IReadOnlyList<string> Compare(SummarySnapshot verified, SummarySnapshot current)
    {
        var messages = new List<string>();
        if (verified.Retrieval is { } was && current.Retrieval is { } now && was.K != now.K)
            messages.Add($"retrieval k changed {was.K} → {now.K}: recall, MRR and nDCG are not comparable with the baseline");
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
            if (value < baseline - tolerance - RetrievalComparer.Epsilon)
                messages.Add($"{name}: baseline {Display.Score(baseline)}, current {Display.Score(value)}, Δ {Display.Delta(value - baseline)} exceeds tolerance {Display.Setting(tolerance)}");
        }
        return messages;
    }

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
