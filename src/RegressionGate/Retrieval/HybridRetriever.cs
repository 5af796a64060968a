using RegressionGate.Golden;
using RegressionGate.Files;

namespace RegressionGate.Retrieval;

/// <summary>
/// Dense and BM25 retrieval fused by weighted reciprocal rank: each retrieves <c>fusion.depth</c> segments, and a segment
/// scores denseWeight / (rrfK + dense rank) + lexicalWeight / (rrfK + BM25 rank).
/// </summary>
/// <remarks>
/// Scores are fused RRF scores, at most (denseWeight + lexicalWeight) / (rrfK + 1) — about 0.016 with the defaults — so
/// <c>tolerances.score</c> (0.02 by default) hardly constrains them; rank-biased overlap is what guards a hybrid ranking.
/// </remarks>
public sealed class HybridRetriever : IRetriever
{
    readonly IRetriever dense;
    readonly IRetriever lexical;
    readonly FusionSettings fusion;

    /// <summary>Fuses <paramref name="dense"/> and <paramref name="lexical"/>, which it then owns.</summary>
    public HybridRetriever(RetrieverSettings settings, IRetriever dense, IRetriever lexical)
    {
        fusion = settings.Fusion;
        try
        {
            Check(settings);
        }
        catch
        {
            dense.Dispose();
            lexical.Dispose();
            throw;
        }
        this.dense = dense;
        this.lexical = lexical;
        var denseParts = dense.Identity.Properties.Where(p => p.Key is not ("kind" or "k"));
        var lexicalParts = Bm25Retriever.IdentityOf(settings).Where(p => p.Key is not ("kind" or "k"));
        Identity = new RetrieverIdentity([
            new("kind", RetrieverKinds.Hybrid),
            .. denseParts,
            .. lexicalParts,
            new("denseWeight", Bm25Retriever.Number(fusion.DenseWeight)),
            new("lexicalWeight", Bm25Retriever.Number(fusion.LexicalWeight)),
            new("rrfK", Bm25Retriever.Number(fusion.RrfK)),
            new("depth", Bm25Retriever.Number(fusion.Depth)),
            new("k", Bm25Retriever.Number(settings.K)),
        ]);
    }

    /// <summary>Refuses fusion settings that cannot rank: depth below k, or no weight at all.</summary>
    public static void Check(RetrieverSettings settings)
    {
        var fusion = settings.Fusion;
        if (fusion.Depth < settings.K)
            throw new InputFileException(GoldenSet.SettingsFile, null, "retriever.fusion.depth",
                $"depth {fusion.Depth} is less than k {settings.K}: each retriever must return at least k segments to fuse");
        if (fusion.DenseWeight <= 0 && fusion.LexicalWeight <= 0)
            throw new InputFileException(GoldenSet.SettingsFile, null, "retriever.fusion", "denseWeight and lexicalWeight are both 0, so nothing would rank");
    }

    public RetrieverIdentity Identity { get; }

    public IReadOnlyList<RankedSegment> Retrieve(GoldenQuestion question, int k) =>
        ReciprocalRankFusion.Fuse(
            [(dense.Retrieve(question, fusion.Depth), fusion.DenseWeight), (lexical.Retrieve(question, fusion.Depth), fusion.LexicalWeight)],
            fusion.RrfK, k);

    public void Dispose()
    {
        dense.Dispose();
        lexical.Dispose();
    }
}
