using RegressionGate.Formatting;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Snapshots;

/// <summary>
/// Differs from the verified baseline when an aggregate moved more than its tolerance in either direction, or when it
/// was measured over other questions or by another retriever or judge; approval accepts that, and because a rise
/// differs too, the baseline ratchets up with every approved improvement instead of staying where it first stood.
/// Separately, an aggregate below its absolute floor in <c>gate.json</c> fails with or without a baseline.
/// </summary>
/// <param name="metrics">The configured metrics, whose rules hold their means (<c>judge.metrics.{name}.mean</c> and <c>.floor</c>).</param>
internal sealed class SummaryComparer(Tolerances tolerances, Floors floors, IReadOnlyList<JudgeMetric>? metrics = null) : ISnapshotComparer<SummarySnapshot>
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
        messages.AddRange(CompareMetrics(verified, current));
        return messages;
    }

    internal const string UnrecordedBasis =
        "the baseline does not record the questions, retriever and judge it was measured over (it was written by an " +
        "earlier version): approve the received summary to record them";

    /// <summary>
    /// Each metric's mean against its baseline. A mean with no baseline yet (a metric just configured, or a summary
    /// written before metrics were summarised) differs too, so that approving gives it one and it is held from then on.
    /// </summary>
    IEnumerable<string> CompareMetrics(SummarySnapshot verified, SummarySnapshot current)
    {
        if (verified.Metrics is null)
        {
            if (current.Metrics is { Count: > 0 }) yield return UnrecordedMetrics;
            yield break;
        }
        foreach (var now in current.Metrics ?? [])
        {
            var name = MeanName(now.Name);
            if (verified.Metric(now.Name) is not { } was)
            {
                yield return $"{name}: not in the baseline yet (now {Display.Score(now.Mean)}); approve the received summary to hold it";
                continue;
            }
            // Either direction differs, as the other aggregates do, so an approved improvement raises the baseline.
            var tolerance = Rules(now.Name).Mean;
            if (Math.Abs(now.Mean - was.Mean) <= tolerance + RetrievalComparer.Epsilon) continue;
            var message = $"{name}: baseline {Display.Score(was.Mean)}, current {Display.Score(now.Mean)}, Δ {Display.Delta(now.Mean - was.Mean)} exceeds tolerance {Display.Setting(tolerance)}";
            yield return now.Mean > was.Mean ? $"{message} (an improvement: approve it, so that the baseline holds the new level)" : message;
        }
        foreach (var was in verified.Metrics.Where(m => current.Metric(m.Name) is null))
            yield return current.NotMeasured?.FirstOrDefault(m => m.Name == was.Name) is { } why
                ? $"{MeanName(was.Name)}: baseline {Display.Score(was.Mean)}, current not measured: {why.Reason}"
                : $"{MeanName(was.Name)}: baseline {Display.Score(was.Mean)}, current not measured";
    }

    internal const string UnrecordedMetrics =
        "the baseline holds no metric means (it was written before metrics were summarised): approve the received summary to hold them";

    MetricRules Rules(string name) => metrics?.FirstOrDefault(m => m.Name == name)?.Rules ?? new MetricRules();

    /// <summary>How messages name a metric's mean: <c>mean context relevance</c>.</summary>
    internal string MeanName(string name) =>
        $"mean {metrics?.FirstOrDefault(m => m.Name == name)?.Title.ToLowerInvariant() ?? name}";

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
        foreach (var now in current.Metrics ?? [])
        {
            var floor = Rules(now.Name).Floor;
            if (now.Mean >= floor - RetrievalComparer.Epsilon) continue;
            var against = verified?.Metric(now.Name) is { } was ? $"baseline {Display.Score(was.Mean)}, Δ {Display.Delta(now.Mean - was.Mean)}" : "no baseline";
            messages.Add($"{MeanName(now.Name)}: current {Display.Score(now.Mean)} is below the floor {Display.Setting(floor)} ({against})");
        }
        return messages;
    }
}
