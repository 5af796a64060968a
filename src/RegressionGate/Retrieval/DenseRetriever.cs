using System.Globalization;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Retrieval;

/// <summary>
/// Dense retrieval over a golden set's corpus: every segment embedded once as <c>passagePrefix + text</c>, each question
/// as <c>queryPrefix + text</c>, ranked by exact cosine similarity.
/// </summary>
internal sealed class DenseRetriever : IRetriever
{
    /// <summary>The kind's name in <c>gate.json</c> and in identities.</summary>
    public const string Kind = "dense";

    /// <summary>Registers <c>dense</c>: embeds the corpus with <c>retriever.model</c>, through the run's embedding cache.</summary>
    public static RetrieverProvider Provider { get; } =
        new(Kind, "ONNX embeddings, exact cosine", context => Create(context)) { EmbedsWithModel = true };

    readonly ITextEmbedder embedder;
    readonly bool ownsEmbedder;
    readonly VectorIndex index;
    readonly string queryPrefix;

    /// <summary>
    /// Embeds the corpus with <paramref name="embedder"/> (which may be a caching decorator); <paramref name="progress"/>
    /// receives how many segments are embedded so far.
    /// </summary>
    public DenseRetriever(IReadOnlyList<Segment> corpus, RetrieverSettings settings, ITextEmbedder embedder, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default, bool ownsEmbedder = true)
    {
        this.embedder = embedder;
        this.ownsEmbedder = ownsEmbedder;
        queryPrefix = settings.QueryPrefix;
        Identity = new RetrieverIdentity([
            new(RetrieverIdentity.KindProperty, Kind),
            new(RetrieverIdentity.ModelProperty, settings.Model),
            new(RetrieverIdentity.ModelSha256Property, embedder.Model.Sha256),
            new(RetrieverIdentity.KProperty, settings.K.ToString(CultureInfo.InvariantCulture)),
            new("queryPrefix", settings.QueryPrefix),
            new("passagePrefix", settings.PassagePrefix),
            new("maxTokens", embedder.MaxTokens.ToString(CultureInfo.InvariantCulture)),
        ]);

        // Vectors the cache file holds are searched where they lie; the rest are embedded (or taken from a journal).
        var missing = Enumerable.Range(0, corpus.Count).ToList();
        VectorBlock? block = null;
        long[]? rows = null;
        if (embedder is CachingEmbedder caching)
        {
            rows = caching.Locate(settings.PassagePrefix, [.. corpus.Select(s => s.Text)], out block);
            missing = missing.Where(i => rows[i] < 0).ToList();
        }
        index = new VectorIndex(embedder.Dimensions, missing.Count);
        if (block is not null)
        {
            for (var i = 0; i < corpus.Count; i++)
            {
                if (rows![i] >= 0) index.Add(corpus[i].Id, block, rows[i]);
            }
        }
        var found = corpus.Count - missing.Count;
        if (found > 0) progress?.Report(found);
        if (missing.Count >= LargeCorpus) ReturnFreedMemory();

        // In chunks, so a large corpus never holds every prefixed passage, token row and vector at once besides the index.
        for (var start = 0; start < missing.Count; start += ChunkSize)
        {
            var chunk = missing.GetRange(start, Math.Min(ChunkSize, missing.Count - start));
            var passages = chunk.Select(i => settings.PassagePrefix + corpus[i].Text).ToList();
            var vectors = embedder.Embed(passages, progress is null ? null : new OffsetProgress(progress, found + start), cancellationToken);
            for (var n = 0; n < chunk.Count; n++) index.Add(corpus[chunk[n]].Id, vectors[n]);
        }
    }

    /// <summary>How many passages go to the embedder at once.</summary>
    internal const int ChunkSize = 2048;

    /// <summary>
    /// Loads the model <c>gate.json</c> names (bundled, or a directory relative to the golden set; once a text is not
    /// cached, when the cache has its vectors) and embeds the corpus.
    /// <paramref name="decorate"/> may wrap the model's embedder; by default the context's embedding cache does. The
    /// retriever disposes the wrapper, and the wrapper the embedder it wraps.
    /// A model that cannot be loaded is a <see cref="InputFileException"/> on <c>retriever.model</c>; one that fails on the
    /// corpus (say, <c>maxTokens</c> beyond what it accepts) is one on <c>retriever</c>.
    /// </summary>
    public static DenseRetriever Create(RetrieverContext context, Func<ITextEmbedder, ITextEmbedder>? decorate = null)
    {
        var (golden, settings) = (context.Golden, context.Settings);
        var embedder = ConfiguredEmbedder.LoadWhenNeeded(golden.Directory, settings.Model, settings.MaxTokens, context.Cache);
        decorate ??= context.Cache is { } cache ? inner => cache.Wrap(inner) : null;
        ITextEmbedder used = embedder;
        try
        {
            used = decorate?.Invoke(embedder) ?? embedder;
            return new DenseRetriever(golden.Corpus, settings, used, context.Progress, context.CancellationToken);
        }
        catch (EmbeddingModelException e)
        {
            // The model loaded but cannot run these settings, typically maxTokens beyond its position table.
            used.Dispose();
            embedder.Dispose();
            throw new InputFileException(GoldenSet.SettingsFile, null, "retriever", e.Message);
        }
        catch
        {
            used.Dispose();
            embedder.Dispose();
            throw;
        }
    }

    /// <summary>From this many segments to embed on, freed memory is handed back before embedding starts.</summary>
    internal const int LargeCorpus = 20_000;

    /// <summary>
    /// Before a large corpus is embedded, collects and decommits what loading left behind (the corpus file's bytes) before
    /// the model, the index and the embedding journal are built on top: at 100,000 segments that is hundreds of megabytes
    /// of peak memory, for one blocking collection of a fraction of a second. A warm run embeds nothing and skips it.
    /// </summary>
    static void ReturnFreedMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    public RetrieverIdentity Identity { get; }

    /// <summary>How many segments are indexed.</summary>
    public int Count => index.Count;

    /// <inheritdoc/>
    public IReadOnlyList<RankedSegment> Retrieve(RetrievalQuery query, int k) => RetrieveAll([query], k)[0];

    /// <inheritdoc/>
    /// <remarks>The questions are embedded together, then ranked in one pass over the corpus vectors.</remarks>
    public IReadOnlyList<IReadOnlyList<RankedSegment>> RetrieveAll(IReadOnlyList<RetrievalQuery> queries, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (queries.Count == 0) return [];
        var vectors = embedder.Embed([.. queries.Select(q => queryPrefix + q.Text)], cancellationToken: cancellationToken);
        return index.Search(vectors, k);
    }

    public void Dispose()
    {
        if (ownsEmbedder) embedder.Dispose();
    }

    sealed class OffsetProgress(IProgress<int> outer, int offset) : IProgress<int>
    {
        public void Report(int value) => outer.Report(offset + value);
    }
}
