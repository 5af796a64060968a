namespace RegressionGate.Snapshots;

/// <summary>One gated aggregate of the summary: how to name it, read it, and which tolerance and floor hold it.</summary>
internal sealed record SummaryMetric(
    Func<SummarySnapshot, string> Name,
    Func<SummarySnapshot, double?> Value,
    Func<Tolerances, double> Tolerance,
    Func<Floors, double> Floor)
{
    /// <summary>Every gated aggregate; all three kappas answer to the one kappa tolerance and floor.</summary>
    public static IReadOnlyList<SummaryMetric> All { get; } =
    [
        new(s => $"recall@{s.Retrieval?.K}", s => s.Retrieval?.Recall, t => t.Recall, f => f.Recall),
        new(s => $"MRR@{s.Retrieval?.K}", s => s.Retrieval?.Mrr, t => t.Mrr, f => f.Mrr),
        new(s => $"nDCG@{s.Retrieval?.K}", s => s.Retrieval?.Ndcg, t => t.Ndcg, f => f.Ndcg),
        new(_ => "accuracy", s => s.Judge?.Accuracy, t => t.Accuracy, f => f.Accuracy),
        new(_ => "Cohen's kappa", s => s.Judge?.Kappa, t => t.Kappa, f => f.Kappa),
        new(_ => "linear weighted kappa", s => s.Judge?.LinearKappa, t => t.Kappa, f => f.Kappa),
        new(_ => "quadratic weighted kappa", s => s.Judge?.QuadraticKappa, t => t.Kappa, f => f.Kappa),
    ];
}
