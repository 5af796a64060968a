using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

/// <summary>Small snapshots in the seed's shape, to vary one thing at a time with <c>with</c>.</summary>
internal static class Samples
{
    public const string SeedReasoning =
        "Criteria: The RESPONSE must be relevant to the entire PROMPT. Supporting Evidence: it explains Max pooling " +
        "and Global Average pooling but not the general objective of pooling layers. Score: 2";

    public static RetrieverIdentity Identity(int maxTokens = 512) => new(
    [
        new("kind", "dense"),
        new("model", "3f0a9c1be25d47a8b1c6e0f9d2a4b7c8e1f0a3b6c9d2e5f8a1b4c7d0e3f6a9b2"),
        new("k", "10"),
        new("queryPrefix", "query: "),
        new("passagePrefix", "passage: "),
        new("maxTokens", maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);

    /// <summary>A ranking of the given ids, best first, scores falling by 0.01 from 0.85.</summary>
    public static IReadOnlyList<RankedSegment> Ranking(params string[] ids) =>
        ids.Select((id, i) => new RankedSegment(i + 1, id, Math.Round(0.85 - 0.01 * i, 2))).ToList();

    public static readonly string[] SeedIds = ["3027", "7744", "3247", "6694", "3334", "7699", "7742", "3246", "7682", "7743"];

    public static RetrievalSnapshot Retrieval(params string[] ids) => new(
        "105",
        "Qual é o objetivo da camada de pooling em uma rede neural?",
        Identity(),
        Ranking(ids.Length == 0 ? SeedIds : ids));

    public static JudgeSnapshot Judge(double score = 2, Label automated = Label.P, string reasoning = SeedReasoning) => new(
        "105",
        new JudgeIdentity([new("kind", "answer-relevance"), new("model", "gpt-4o-mini"), new("promptVersion", "ar-v1"), new("repeats", "1")]),
        score,
        score / 3,
        automated,
        Label.C,
        [score],
        0,
        false,
        reasoning);

    public static SummarySnapshot Summary(double recall = 0.8, double mrr = 0.7, double ndcg = 0.75, double accuracy = 0.75, double? kappa = 0.6) => new(
        new RetrievalQuality(10, 12, recall, mrr, ndcg),
        new JudgeAggregates(12, accuracy, kappa, kappa + 0.05, kappa + 0.1),
        Basis());

    /// <summary>Twelve questions q1…q12, all judged against a manual label, by <see cref="Identity"/> and the AR judge.</summary>
    public static SummaryBasis Basis(int questions = 12, int maxTokens = 512, string judgeModel = "gpt-4o-mini")
    {
        var ids = Enumerable.Range(1, questions).Select(i => $"q{i}").ToList();
        return new SummaryBasis(IdSet.Of(ids), Identity(maxTokens), IdSet.Of(ids), new JudgeIdentity(
            [new("kind", "answer-relevance"), new("model", judgeModel), new("promptVersion", "ar-v1"), new("repeats", "1")]));
    }
}
