using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Retrieval;

/// <summary>
/// The retriever kinds a gate knows, by name: the one place that lists them. <c>gate.json</c>'s <c>retriever.kind</c> is
/// checked against it, help text is made from it, and the gate builds its retriever through it. Extensions add a kind
/// with <see cref="With"/>.
/// </summary>
public sealed class RetrieverRegistry
{
    readonly Dictionary<string, RetrieverProvider> byKind;

    /// <summary>A registry of exactly <paramref name="providers"/>; two with the same kind are an error.</summary>
    public RetrieverRegistry(IEnumerable<RetrieverProvider> providers)
    {
        Providers = providers.ToList();
        byKind = new Dictionary<string, RetrieverProvider>(StringComparer.Ordinal);
        foreach (var provider in Providers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(provider.Kind);
            if (!byKind.TryAdd(provider.Kind, provider))
                throw new ArgumentException($"retriever kind '{provider.Kind}' is registered twice", nameof(providers));
        }
        Kinds = Providers.Select(p => p.Kind).ToList();
    }

    /// <summary>The kinds this package ships: dense, bm25, hybrid and run-file.</summary>
    public static RetrieverRegistry BuiltIn { get; } = new(
    [
        DenseRetriever.Provider,
        Bm25Retriever.Provider,
        HybridRetriever.Provider,
        RunFileRetriever.Provider,
    ]);

    /// <summary>Every provider, in registration order.</summary>
    public IReadOnlyList<RetrieverProvider> Providers { get; }

    /// <summary>Every kind's name, in registration order.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>This registry and <paramref name="provider"/>.</summary>
    public RetrieverRegistry With(RetrieverProvider provider) => new([.. Providers, provider]);

    /// <summary>The provider of <paramref name="kind"/>, or null when no such kind is registered.</summary>
    public RetrieverProvider? Find(string kind) => byKind.GetValueOrDefault(kind);

    /// <summary>Builds the retriever <c>retriever.kind</c> names.</summary>
    public IRetriever Create(RetrieverContext context)
    {
        var kind = context.Settings.Kind;
        var provider = Find(kind) ?? throw new InputFileException(GoldenSet.SettingsFile, null, "retriever.kind",
            $"'{kind}' is not one of {string.Join(", ", Kinds)}");
        return provider.Create(context);
    }
}
