using RegressionGate.Files;

namespace RegressionGate.Snapshots;

/// <summary><c>gate.json</c>'s <c>tolerances</c> section: how far a result may move from its verified snapshot before the gate fails.</summary>
public sealed record Tolerances
{
    /// <summary>Persistence of rank-biased overlap: the weight of rank d is proportional to p^(d-1).</summary>
    public double RboP { get; init; } = 0.9;

    /// <summary>Rank-biased overlap below this fails the question.</summary>
    public double RboMin { get; init; } = 0.9;

    /// <summary>How far a segment's retrieval score may move.</summary>
    public double Score { get; init; } = 0.02;

    /// <summary>How far a normalised AR score may move.</summary>
    public double ArScore { get; init; } = 0.0;

    /// <summary>How far recall@k may drop below the verified summary.</summary>
    public double Recall { get; init; } = 0.05;

    /// <summary>How far MRR@k may drop below the verified summary.</summary>
    public double Mrr { get; init; } = 0.05;

    /// <summary>How far nDCG@k may drop below the verified summary.</summary>
    public double Ndcg { get; init; } = 0.05;

    /// <summary>How far the judge's accuracy against people may drop below the verified summary.</summary>
    public double Accuracy { get; init; } = 0.05;

    /// <summary>How far each kappa (plain, linear and quadratic weighted) may drop below the verified summary.</summary>
    public double Kappa { get; init; } = 0.10;

    /// <summary>Reads the <c>tolerances</c> section; every field is optional.</summary>
    internal static Tolerances Read(JsonFields section)
    {
        section.RejectUnknown("rboP", "rboMin", "score", "arScore", "recall", "mrr", "ndcg", "accuracy", "kappa");
        var d = new Tolerances();
        var rboP = section.OptionalDouble("rboP", d.RboP, 0, 1);
        if (rboP is <= 0 or >= 1) throw section.Error("rboP", "must be strictly between 0 and 1");
        return new Tolerances
        {
            RboP = rboP,
            RboMin = section.OptionalDouble("rboMin", d.RboMin, 0, 1),
            Score = section.OptionalDouble("score", d.Score, 0, 2),
            ArScore = section.OptionalDouble("arScore", d.ArScore, 0, 1),
            Recall = section.OptionalDouble("recall", d.Recall, 0, 1),
            Mrr = section.OptionalDouble("mrr", d.Mrr, 0, 1),
            Ndcg = section.OptionalDouble("ndcg", d.Ndcg, 0, 1),
            Accuracy = section.OptionalDouble("accuracy", d.Accuracy, 0, 1),
            Kappa = section.OptionalDouble("kappa", d.Kappa, 0, 2),
        };
    }
}
