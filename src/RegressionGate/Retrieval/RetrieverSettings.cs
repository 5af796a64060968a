using RegressionGate.Files;

namespace RegressionGate.Retrieval;

/// <summary><c>gate.json</c>'s <c>retriever</c> section: which retriever ranks the corpus, and every setting it ranks with.</summary>
public sealed record RetrieverSettings
{
    /// <summary>The embedding model that ships inside the package, named as <c>retriever.model</c> names it.</summary>
    public const string BundledModel = "bundled:all-MiniLM-L6-v2";

    /// <summary>A kind registered in the <see cref="RetrieverRegistry"/> (<c>dense</c>, <c>bm25</c>, <c>hybrid</c>, <c>run-file</c>).</summary>
    public string Kind { get; init; } = DenseRetriever.Kind;

    /// <summary><see cref="BundledModel"/>, or a model directory (relative paths are taken from the golden directory).</summary>
    public string Model { get; init; } = BundledModel;

    /// <summary>How many segments are retrieved, snapshotted and measured per question.</summary>
    public int K { get; init; } = 10;

    /// <summary>Put before every question before it is embedded (the E5 convention).</summary>
    public string QueryPrefix { get; init; } = "query: ";

    /// <summary>Put before every segment before it is embedded (the E5 convention).</summary>
    public string PassagePrefix { get; init; } = "passage: ";

    /// <summary>Where a text is cut before embedding, special tokens included.</summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>For <c>run-file</c>: the recorded rankings, relative to the golden directory.</summary>
    public string RunFile { get; init; } = "runs/retrieval.jsonl";

    /// <summary>For <c>bm25</c> and <c>hybrid</c>.</summary>
    public Bm25Settings Bm25 { get; init; } = new();

    /// <summary>For <c>hybrid</c>.</summary>
    public FusionSettings Fusion { get; init; } = new();

    /// <summary>
    /// Reads the <c>retriever</c> section; <c>kind</c> must name one of <paramref name="retrievers"/>. Every field is
    /// optional; a missing section reads as empty, so every default applies.
    /// </summary>
    internal static RetrieverSettings Read(JsonFields section, RetrieverRegistry retrievers)
    {
        section.RejectUnknown("kind", "model", "k", "queryPrefix", "passagePrefix", "maxTokens", "runFile", "bm25", "fusion");
        var defaults = new RetrieverSettings();
        var bm25 = section.Object("bm25");
        bm25.RejectUnknown("analyzer", "k1", "b");
        var fusion = section.Object("fusion");
        fusion.RejectUnknown("denseWeight", "lexicalWeight", "rrfK", "depth");
        return new RetrieverSettings
        {
            Kind = section.OneOf("kind", retrievers.Kinds, defaults.Kind),
            Model = section.OptionalString("model", allowEmpty: false) ?? defaults.Model,
            K = section.OptionalInt("k", defaults.K, 1, 1000),
            QueryPrefix = section.OptionalString("queryPrefix") ?? defaults.QueryPrefix,
            PassagePrefix = section.OptionalString("passagePrefix") ?? defaults.PassagePrefix,
            MaxTokens = section.OptionalInt("maxTokens", defaults.MaxTokens, 8, 8192),
            RunFile = section.OptionalString("runFile", allowEmpty: false) ?? defaults.RunFile,
            Bm25 = new Bm25Settings
            {
                Analyzer = bm25.OneOf("analyzer", Bm25Analyzers.All, defaults.Bm25.Analyzer),
                K1 = bm25.OptionalDouble("k1", defaults.Bm25.K1, 0, 10),
                B = bm25.OptionalDouble("b", defaults.Bm25.B, 0, 1),
            },
            Fusion = new FusionSettings
            {
                DenseWeight = fusion.OptionalDouble("denseWeight", defaults.Fusion.DenseWeight, 0, 1000),
                LexicalWeight = fusion.OptionalDouble("lexicalWeight", defaults.Fusion.LexicalWeight, 0, 1000),
                RrfK = fusion.OptionalInt("rrfK", defaults.Fusion.RrfK, 0, 100_000),
                Depth = fusion.OptionalInt("depth", defaults.Fusion.Depth, 1, 100_000),
            },
        };
    }
}

/// <summary><c>retriever.bm25</c>: Lucene's analyzer and the BM25 parameters.</summary>
public sealed record Bm25Settings
{
    /// <summary>One of <see cref="Bm25Analyzers.All"/>.</summary>
    public string Analyzer { get; init; } = Bm25Analyzers.Brazilian;

    /// <summary>How fast a term's weight saturates with its count in a segment.</summary>
    public double K1 { get; init; } = 1.2;

    /// <summary>How much a segment's length normalises its term counts (0 none, 1 fully).</summary>
    public double B { get; init; } = 0.75;
}

/// <summary><c>retriever.fusion</c>: how <c>hybrid</c> fuses its dense and BM25 rankings.</summary>
public sealed record FusionSettings
{
    /// <summary>The weight of the dense ranking.</summary>
    public double DenseWeight { get; init; } = 0.5;

    /// <summary>The weight of the BM25 ranking.</summary>
    public double LexicalWeight { get; init; } = 0.5;

    /// <summary>The constant of reciprocal-rank fusion: 1 / (rrfK + rank).</summary>
    public int RrfK { get; init; } = 60;

    /// <summary>How deep each retriever's list goes before fusion.</summary>
    public int Depth { get; init; } = 50;
}
