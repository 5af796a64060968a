using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Gate;

/// <summary>
/// The judge kinds a gate knows, by name: the one place that lists them. <c>judge.kind</c> and <c>--judge</c> are checked
/// against it, help text is made from it, and the gate opens its judge through it. Extensions add a kind with
/// <see cref="With"/>.
/// </summary>
public sealed class JudgeRegistry
{
    readonly Dictionary<string, JudgeProvider> byKind;

    /// <summary>A registry of exactly <paramref name="providers"/>; two with the same kind are an error.</summary>
    public JudgeRegistry(IEnumerable<JudgeProvider> providers)
    {
        Providers = providers.ToList();
        byKind = new Dictionary<string, JudgeProvider>(StringComparer.Ordinal);
        foreach (var provider in Providers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(provider.Kind);
            if (!byKind.TryAdd(provider.Kind, provider))
                throw new ArgumentException($"judge kind '{provider.Kind}' is registered twice", nameof(providers));
        }
        Kinds = Providers.Select(p => p.Kind).ToList();
    }

    /// <summary>The judges this package ships: the LLM judge (named for answer relevance) and the offline similarity judge.</summary>
    public static JudgeRegistry BuiltIn { get; } = new(
    [
        new(AnswerRelevanceJudge.Kind, "the LLM judge: each metric graded 0–3 with its rubric, recorded and replayed", context => context.OpenLlmMetrics()),
        new(SimilarityJudge.Kind, "offline, no LLM: cosine of embeddings (question and answer, question and segment, statement and segment)", JudgeSession.OpenSimilarity),
    ]);

    /// <summary>Every provider, in registration order.</summary>
    public IReadOnlyList<JudgeProvider> Providers { get; }

    /// <summary>Every kind's name, in registration order.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>This registry and <paramref name="provider"/>.</summary>
    public JudgeRegistry With(JudgeProvider provider) => new([.. Providers, provider]);

    /// <summary>The provider of <paramref name="kind"/>, or null when no such kind is registered.</summary>
    public JudgeProvider? Find(string kind) => byKind.GetValueOrDefault(kind);

    /// <summary>Opens the judge <paramref name="kind"/> names.</summary>
    public JudgeSession Open(string kind, JudgeContext context)
    {
        var provider = Find(kind) ?? throw new InputFileException(GoldenSet.SettingsFile, null, "judge.kind",
            $"'{kind}' is not one of {string.Join(", ", Kinds)}");
        return provider.Open(context);
    }
}
