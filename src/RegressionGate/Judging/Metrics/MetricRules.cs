using RegressionGate.Files;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// How the gate holds one metric: how far a question's normalised score may move from its verified snapshot, how far
/// the mean over the set may move from the verified summary, and the absolute floor of that mean, which holds even
/// after an approval. Read from the metric's entry in <c>judge.metrics</c>.
/// </summary>
public sealed record MetricRules
{
    /// <summary>How far one question's normalised score may move (<c>score</c>).</summary>
    public double Score { get; init; }

    /// <summary>How far the mean over the set may move from the verified summary, either way (<c>mean</c>).</summary>
    public double Mean { get; init; } = 0.05;

    /// <summary>The lowest mean the gate accepts (<c>floor</c>).</summary>
    public double Floor { get; init; }

    /// <summary>The field names <see cref="Read"/> accepts, for a metric's own <c>RejectUnknown</c>.</summary>
    public static IReadOnlyList<string> Fields(bool perQuestion) => perQuestion ? ["score", "mean", "floor"] : ["mean", "floor"];

    /// <summary>
    /// Reads the rules from a metric's entry; <paramref name="perQuestion"/> is false for a metric whose per-question
    /// tolerance lives elsewhere (answer relevance's is <c>tolerances.arScore</c>).
    /// </summary>
    internal static MetricRules Read(JsonFields section, bool perQuestion = true)
    {
        var defaults = new MetricRules();
        return new MetricRules
        {
            Score = perQuestion ? section.OptionalDouble("score", defaults.Score, 0, 1) : defaults.Score,
            Mean = section.OptionalDouble("mean", defaults.Mean, 0, 1),
            Floor = section.OptionalDouble("floor", defaults.Floor, 0, 1),
        };
    }
}
