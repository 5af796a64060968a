using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Retrieval;

/// <summary>
/// Dense and BM25 retrieval fused by weighted reciprocal rank: each retrieves <c>fusion.depth</c> segments, and a segment
/// scores denseWeight / (rrfK + dense rank) + lexicalWeight / (rrfK + BM25 rank).
/// </summary>
/// <remarks>
/// Scores are fused RRF scores, at most (denseWeight + lexicalWeight) / (rrfK + 1) — about 0.016 with the defaults — so
/// <c>tolerances.score</c> (0.02 by default) hardly constrains them; rank-biased overlap is what guards a hybrid ranking.
/// </remarks>
internal sealed class HybridRetriever : IRetriever
{
    /// <summary>The kind's name in <c>gate.json</c> and in identities.</summary>
    public const string Kind = "hybrid";

    /// <summary>Registers <c>hybrid</c>: builds a dense and a BM25 retriever from the same context and fuses them.</summary>
    public static RetrieverProvider Provider { get; } =
        new(Kind, "weighted reciprocal-rank fusion of dense and bm25", Create) { EmbedsWithModel = true };

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
        var denseParts = dense.Identity.Properties.Where(p => p.Key is not (RetrieverIdentity.KindProperty or RetrieverIdentity.KProperty));
        var lexicalParts = Bm25Retriever.IdentityOf(settings).Where(p => p.Key is not (RetrieverIdentity.KindProperty or RetrieverIdentity.KProperty));
        Identity = new RetrieverIdentity([
            new(RetrieverIdentity.KindProperty, Kind),
            .. denseParts,
            .. lexicalParts,
            new("denseWeight", RetrieverIdentity.Number(fusion.DenseWeight)),
            new("lexicalWeight", RetrieverIdentity.Number(fusion.LexicalWeight)),
            new("rrfK", RetrieverIdentity.Number(fusion.RrfK)),
            new("depth", RetrieverIdentity.Number(fusion.Depth)),
            new(RetrieverIdentity.KProperty, RetrieverIdentity.Number(settings.K)),
        ]);
    }

    /// <summary>
    /// Checks the fusion settings before anything heavy runs, then builds the dense retriever (reporting its progress)
    /// and the BM25 one from <paramref name="context"/>, at the same time: on a warm run each spends part of its setup on
    /// one core (checking its cache file or index), which the other's work fills.
    /// </summary>
    public static HybridRetriever Create(RetrieverContext context)
    {
        Check(context.Settings);
        var building = Task.Run(() => Bm25Retriever.Create(context with { Progress = null }), context.CancellationToken);
        DenseRetriever dense;
        try
        {
            dense = DenseRetriever.Create(context);
        }
        catch
        {
            // Not left running behind the failure, nor undisposed.
            try
            {
                building.GetAwaiter().GetResult().Dispose();
            }
            catch (Exception)
            {
                // The dense failure is the one reported; the lexical one would have been reported next.
            }
            throw;
        }
        IRetriever lexical;
        try
        {
            lexical = building.GetAwaiter().GetResult();
        }
        catch
        {
            dense.Dispose();
            throw;
        }
        return new HybridRetriever(context.Settings, dense, lexical);
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

    /// <inheritdoc/>
    public IReadOnlyList<RankedSegment> Retrieve(RetrievalQuery query, int k) => RetrieveAll([query], k)[0];

    /// <inheritdoc/>
    /// <remarks>Each retriever answers every query its own fast way; then each query's two rankings are fused.</remarks>
    public IReadOnlyList<IReadOnlyList<RankedSegment>> RetrieveAll(IReadOnlyList<RetrievalQuery> queries, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var semantic = dense.RetrieveAll(queries, fusion.Depth, cancellationToken);
        var lexicalRankings = lexical.RetrieveAll(queries, fusion.Depth, cancellationToken);
        return [.. queries.Select((_, i) => ReciprocalRankFusion.Fuse(
            [(semantic[i], fusion.DenseWeight), (lexicalRankings[i], fusion.LexicalWeight)], fusion.RrfK, k))];
    }

    public void Dispose()
    {
        dense.Dispose();
        lexical.Dispose();
    }
}
