namespace RegressionGate.Golden;

/// <summary>Everything <c>gate.json</c> decides: how to retrieve, how to judge, and how much change the gate tolerates.</summary>
public sealed record GateSettings
{
    public RetrieverSettings Retriever { get; init; } = new();
    public JudgeSettings Judge { get; init; } = new();
    public LlmSettings Llm { get; init; } = new();
    public LabelThresholds Labels { get; init; } = new();
    public Tolerances Tolerances { get; init; } = new();
    public Floors Floors { get; init; } = new();
}

public static class RetrieverKinds
{
    public const string Dense = "dense";
    public const string Bm25 = "bm25";
    public const string Hybrid = "hybrid";
    public const string RunFile = "run-file";
    public static IReadOnlyList<string> All { get; } = [Dense, Bm25, Hybrid, RunFile];
}

public sealed record RetrieverSettings
{
    public const string BundledModel = "bundled:all-MiniLM-L6-v2";

    public string Kind { get; init; } = RetrieverKinds.Dense;
    /// <summary><see cref="BundledModel"/>, or a model directory (relative paths are taken from the golden directory).</summary>
    public string Model { get; init; } = BundledModel;
    public int K { get; init; } = 10;
    public string QueryPrefix { get; init; } = "query: ";
    public string PassagePrefix { get; init; } = "passage: ";
    public int MaxTokens { get; init; } = 512;
    /// <summary>For <c>run-file</c>: the recorded rankings, relative to the golden directory.</summary>
    public string RunFile { get; init; } = "runs/retrieval.jsonl";
    public Bm25Settings Bm25 { get; init; } = new();
    public FusionSettings Fusion { get; init; } = new();
}

public sealed record Bm25Settings
{
    public string Analyzer { get; init; } = "brazilian";
    public double K1 { get; init; } = 1.2;
    public double B { get; init; } = 0.75;
}

public sealed record FusionSettings
{
    public double DenseWeight { get; init; } = 0.5;
    public double LexicalWeight { get; init; } = 0.5;
    /// <summary>The constant of reciprocal-rank fusion: 1 / (rrfK + rank).</summary>
    public int RrfK { get; init; } = 60;
    /// <summary>How deep each retriever's list goes before fusion.</summary>
    public int Depth { get; init; } = 50;
}

public static class JudgeKinds
{
    public const string AnswerRelevance = "answer-relevance";
    public const string Similarity = "similarity";
    public static IReadOnlyList<string> All { get; } = [AnswerRelevance, Similarity];
}

public sealed record JudgeSettings
{
    public string Kind { get; init; } = JudgeKinds.AnswerRelevance;
    /// <summary>
    /// The judge model or Azure deployment name. Recordings are keyed by it, so replay finds them without any
    /// configuration; when absent, <c>AZURE_OPENAI_DEPLOYMENT</c> or <c>OPENAI_MODEL</c> names it.
    /// </summary>
    public string? Model { get; init; }
    /// <summary>How often each answer is judged; the median score decides.</summary>
    public int Repeats { get; init; } = 1;
    /// <summary>Cosine similarity at or above which the similarity judge gives 1, 2 and 3.</summary>
    public IReadOnlyList<double> SimilarityThresholds { get; init; } = [0.35, 0.55, 0.75];
}

public static class LlmModes
{
    public const string Replay = "replay";
    public const string Record = "record";
    public const string Refresh = "refresh";
    public const string Live = "live";
    public static IReadOnlyList<string> All { get; } = [Replay, Record, Refresh, Live];
}

public sealed record LlmSettings
{
    public string Mode { get; init; } = LlmModes.Replay;
    /// <summary>Calls in flight at most.</summary>
    public int Parallel { get; init; } = 4;
}

/// <summary>Normalised AR score → automated label: at or above <see cref="Correct"/> is C, at or above <see cref="Partial"/> is P, else I.</summary>
public sealed record LabelThresholds
{
    public double Correct { get; init; } = 1.0;
    public double Partial { get; init; } = 1.0 / 3;

    public Label LabelFor(double normalised) =>
        normalised >= Correct - 1e-9 ? Label.C : normalised >= Partial - 1e-9 ? Label.P : Label.I;
}

/// <summary>How far a result may move from its verified snapshot before the gate fails.</summary>
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
    public double Recall { get; init; } = 0.05;
    public double Mrr { get; init; } = 0.05;
    public double Ndcg { get; init; } = 0.05;
    public double Accuracy { get; init; } = 0.05;
    public double Kappa { get; init; } = 0.10;
}

/// <summary>Absolute minimums that hold even after an approval.</summary>
public sealed record Floors
{
    public double Recall { get; init; }
    public double Mrr { get; init; }
    public double Ndcg { get; init; }
    public double Accuracy { get; init; }
    public double Kappa { get; init; } = -1;
}
