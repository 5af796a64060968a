using RegressionGate.Judging;

namespace RegressionGate.Gate;

/// <summary>
/// Percentile bootstrap 95% intervals of each metric's mean over the questions it graded, resampled with the same
/// fixed resample count and seed as every other interval of the gate, so a report's intervals are reproducible.
/// </summary>
internal static class MetricIntervals
{
    /// <summary>An interval per metric that graded at least one question, by name.</summary>
    public static IReadOnlyDictionary<string, Interval> Compute(IReadOnlyList<(string Name, IReadOnlyList<double> Scores)> metrics,
        int resamples = Agreement.DefaultResamples, int seed = Agreement.DefaultSeed)
    {
        var intervals = new Dictionary<string, Interval>(StringComparer.Ordinal);
        foreach (var (name, scores) in metrics)
        {
            if (scores.Count == 0) continue;
            var random = new Random(seed);
            var means = new double[resamples];
            for (var b = 0; b < resamples; b++)
            {
                double sum = 0;
                for (var i = 0; i < scores.Count; i++) sum += scores[random.Next(scores.Count)];
                means[b] = sum / scores.Count;
            }
            Array.Sort(means);
            intervals[name] = new Interval(Agreement.Quantile(means, 0.025), Agreement.Quantile(means, 0.975));
        }
        return intervals;
    }
}
