using RegressionGate.Files;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// The metrics a gate knows, by name: the one place that lists them. <c>judge.metrics</c> is checked against it, and
/// snapshot stages, theory rows, report sections and the record plan follow the metrics a golden set configures.
/// Extensions add a metric with <see cref="With"/> (e.g. an <see cref="EvaluatorMetric"/> around any
/// Microsoft.Extensions.AI.Evaluation evaluator that returns a number).
/// </summary>
public sealed class MetricRegistry
{
    readonly Dictionary<string, MetricProvider> byName;

    /// <summary>A registry of exactly <paramref name="providers"/>; two with the same name are an error.</summary>
    public MetricRegistry(IEnumerable<MetricProvider> providers)
    {
        Providers = providers.ToList();
        byName = new Dictionary<string, MetricProvider>(StringComparer.Ordinal);
        foreach (var provider in Providers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(provider.Name);
            if (!byName.TryAdd(provider.Name, provider))
                throw new ArgumentException($"metric '{provider.Name}' is registered twice", nameof(providers));
        }
        Names = Providers.Select(p => p.Name).ToList();
        Defaults = Providers.Select(p => p.Read(MetricEntry.Empty(p.Name))).ToList();
        var stage = Defaults.GroupBy(m => m.SnapshotStage, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (stage is not null) throw new ArgumentException($"metrics {string.Join(" and ", stage.Select(m => m.Name))} share the snapshot stage '{stage.Key}'", nameof(providers));
    }

    /// <summary>The metrics this package ships: the RAG triad.</summary>
    public static MetricRegistry BuiltIn { get; } = new(
    [
        AnswerRelevanceMetric.Provider,
        ContextRelevanceMetric.Provider,
        GroundednessMetric.Provider,
    ]);

    /// <summary>Every provider, in registration order.</summary>
    public IReadOnlyList<MetricProvider> Providers { get; }

    /// <summary>Every metric's name, in registration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Every metric with its default settings, in registration order (what snapshot stages are made of).</summary>
    public IReadOnlyList<JudgeMetric> Defaults { get; }

    /// <summary>This registry and <paramref name="provider"/>.</summary>
    public MetricRegistry With(MetricProvider provider) => new([.. Providers, provider]);

    /// <summary>The provider of <paramref name="name"/>, or null when no such metric is registered.</summary>
    public MetricProvider? Find(string name) => byName.GetValueOrDefault(name);
}
