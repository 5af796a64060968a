using System.Text.Json.Nodes;
using RegressionGate.Files;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Judging;

/// <summary><c>gate.json</c>'s <c>judge</c> section: which judge grades the answers, and how.</summary>
public sealed record JudgeSettings
{
    /// <summary>A registered judge kind: <c>answer-relevance</c> (the LLM judge) or <c>similarity</c> (offline), or an extension's.</summary>
    public string Kind { get; init; } = AnswerRelevanceJudge.Kind;

    /// <summary>
    /// The judge model or Azure deployment name. Recordings are keyed by it, so replay finds them without any
    /// configuration; when absent, <c>AZURE_OPENAI_DEPLOYMENT</c> or <c>OPENAI_MODEL</c> names it.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>How often each answer is judged; the median score decides.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Cosine similarity at or above which the similarity judge gives 1, 2 and 3.</summary>
    public IReadOnlyList<double> SimilarityThresholds { get; init; } = [0.35, 0.55, 0.75];

    /// <summary>
    /// The metrics graded for every question, configured, in the order <c>judge.metrics</c> names them; answer relevance
    /// alone when the field is absent (what a gate did before there were other metrics).
    /// </summary>
    public IReadOnlyList<JudgeMetric> Metrics { get; init; } = [AnswerRelevanceMetric.Default];

    /// <summary>
    /// Reads the <c>judge</c> section; every field is optional, <c>kind</c> must be one of <paramref name="kinds"/>, and
    /// <c>metrics</c> is a list of names from <paramref name="metrics"/> (the built-in ones when null), or an object from
    /// name to that metric's entry (its rules and own settings).
    /// </summary>
    internal static JudgeSettings Read(JsonFields section, IReadOnlyList<string> kinds, MetricRegistry? metrics = null)
    {
        section.RejectUnknown("kind", "model", "repeats", "similarityThresholds", "metrics");
        var defaults = new JudgeSettings();
        var thresholds = section.OptionalDoubleList("similarityThresholds") ?? defaults.SimilarityThresholds;
        if (thresholds.Count != 3 || thresholds[0] > thresholds[1] || thresholds[1] > thresholds[2])
            throw section.Error("similarityThresholds", "must be three ascending cosines: the minimum for scores 1, 2 and 3");
        return new JudgeSettings
        {
            Kind = section.OneOf("kind", kinds, defaults.Kind),
            Model = section.OptionalString("model", allowEmpty: false),
            Repeats = section.OptionalInt("repeats", defaults.Repeats, 1, 25),
            SimilarityThresholds = thresholds,
            Metrics = ReadMetrics(section, metrics ?? MetricRegistry.BuiltIn) ?? defaults.Metrics,
        };
    }

    static IReadOnlyList<JudgeMetric>? ReadMetrics(JsonFields section, MetricRegistry registry)
    {
        var node = section.OptionalNode("metrics");
        if (node is null) return null;
        var known = $"one of {string.Join(", ", registry.Names)}";
        MetricProvider Find(string name) => registry.Find(name)
            ?? throw section.Error("metrics", $"'{name}' is not {known}");

        List<JudgeMetric> configured;
        if (node is JsonArray names)
        {
            configured = names.Select(item => item is JsonValue value && value.TryGetValue<string>(out var name)
                    ? Find(name).Read(MetricEntry.Empty(section.File))
                    : throw section.Error("metrics", $"must list metric names ({known})"))
                .ToList();
        }
        else if (node is JsonObject)
        {
            var entries = section.Object("metrics");
            configured = entries.Names.Select(name => Find(name).Read(new MetricEntry(entries.Object(name)))).ToList();
        }
        else throw section.Error("metrics", $"must be a list of metric names or an object of metric entries ({known})");

        if (configured.Count == 0) throw section.Error("metrics", $"must name at least one metric ({known})");
        var twice = configured.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw section.Error("metrics", $"names '{twice.Key}' twice");
        return configured;
    }
}
