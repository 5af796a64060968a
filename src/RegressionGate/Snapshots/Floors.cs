using RegressionGate.Files;

namespace RegressionGate.Snapshots;

/// <summary><c>gate.json</c>'s <c>floors</c> section: absolute minimums of the aggregates, holding even after an approval.</summary>
public sealed record Floors
{
    /// <summary>The lowest recall@k the gate accepts.</summary>
    public double Recall { get; init; }

    /// <summary>The lowest MRR@k the gate accepts.</summary>
    public double Mrr { get; init; }

    /// <summary>The lowest nDCG@k the gate accepts.</summary>
    public double Ndcg { get; init; }

    /// <summary>The lowest judge accuracy against people the gate accepts.</summary>
    public double Accuracy { get; init; }

    /// <summary>The lowest kappa (each of plain, linear and quadratic weighted) the gate accepts.</summary>
    public double Kappa { get; init; } = -1;

    /// <summary>Reads the <c>floors</c> section; every field is optional.</summary>
    internal static Floors Read(JsonFields section)
    {
        section.RejectUnknown("recall", "mrr", "ndcg", "accuracy", "kappa");
        var d = new Floors();
        return new Floors
        {
            Recall = section.OptionalDouble("recall", d.Recall, 0, 1),
            Mrr = section.OptionalDouble("mrr", d.Mrr, 0, 1),
            Ndcg = section.OptionalDouble("ndcg", d.Ndcg, 0, 1),
            Accuracy = section.OptionalDouble("accuracy", d.Accuracy, 0, 1),
            Kappa = section.OptionalDouble("kappa", d.Kappa, -1, 1),
        };
    }
}
