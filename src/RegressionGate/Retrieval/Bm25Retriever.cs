using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace RegressionGate.Retrieval;

/// <summary>
/// Lexical retrieval with Lucene.Net: the corpus in an in-memory index analyzed by the Brazilian or Portuguese analyzer,
/// ranked by BM25 (k1, b from <c>gate.json</c>). A question is a bag of its analyzed terms, each weighted by how often it
/// occurs, every term optional.
/// </summary>
/// <remarks>
/// Scores are BM25's raw scores (unbounded, not cosines); <c>tolerances.score</c> applies to them as it is. Ties are broken
/// by id ascending, like every retriever here; a question whose terms are all stop words matches nothing and gets an empty
/// ranking.
/// </remarks>
internal sealed class Bm25Retriever : IRetriever
{
    /// <summary>The kind's name in <c>gate.json</c> and in identities.</summary>
    public const string Kind = "bm25";

    /// <summary>Registers <c>bm25</c>: the corpus indexed in memory; progress reports the whole corpus once it is indexed.</summary>
    public static RetrieverProvider Provider { get; } = new(Kind, "Lucene BM25, Portuguese analyzers", Create);

    const string TextField = "text";
    const string OrdinalField = "ordinal";

    readonly Analyzer analyzer;
    readonly Lucene.Net.Store.Directory directory;
    readonly DirectoryReader reader;
    readonly IndexSearcher searcher;
    readonly string[] ids;
    // Each leaf's documents' corpus positions, read once: a search collects every matching document (most of the corpus
    // for a long question), and an array is cheaper to ask a hundred thousand times than the doc values.
    readonly Dictionary<object, int[]> ordinals;

    /// <summary>
    /// Indexes the context's corpus with its settings, or opens the index the context's cache kept from an earlier run
    /// over the same corpus and settings.
    /// </summary>
    public static Bm25Retriever Create(RetrieverContext context)
    {
        var retriever = new Bm25Retriever(context.Golden.Corpus.Select(s => (s.Id, s.Text)).ToList(), context.Settings,
            context.Cache?.Bm25Indexes, context.Golden.Directory);
        context.Progress?.Report(retriever.Count);
        return retriever;
    }

    /// <summary>
    /// Indexes <paramref name="corpus"/> (id, text) with the analyzer and BM25 parameters of <paramref name="settings"/>: in
    /// memory, or through <paramref name="cache"/>, which serves an intact index of the same corpus and settings as it is.
    /// </summary>
    /// <param name="golden">The golden set's folder, which the cache records so a later corpus of it replaces this index.</param>
    public Bm25Retriever(IReadOnlyList<(string Id, string Text)> corpus, RetrieverSettings settings, Bm25IndexCache? cache = null, string golden = "")
    {
        var bm25 = settings.Bm25;
        analyzer = Bm25Analyzers.Create(bm25.Analyzer);
        var similarity = new BM25Similarity((float)bm25.K1, (float)bm25.B);
        ids = corpus.Select(c => c.Id).ToArray();
        if (cache?.OpenOrBuild(corpus, bm25, golden, into => Index(into, corpus, similarity, merge: true)) is { } opened)
        {
            (directory, reader, FromCache) = (opened.Directory, opened.Reader, opened.Reused);
        }
        else
        {
            directory = new RAMDirectory();
            Index(directory, corpus, similarity, merge: false);
            reader = DirectoryReader.Open(directory);
        }
        searcher = new IndexSearcher(reader) { Similarity = similarity };
        ordinals = Ordinals(reader);
        Identity = new RetrieverIdentity(IdentityOf(settings));
    }

    /// <summary>Whether the index was opened from the cache as an earlier run left it, rather than built by this one.</summary>
    public bool FromCache { get; }

    /// <summary>
    /// Writes the corpus into <paramref name="into"/>: each segment's analyzed terms with their counts (BM25 needs no
    /// positions) and its corpus position. <paramref name="merge"/> folds the index into one segment, which searches
    /// faster; worth its cost only for an index that is kept.
    /// </summary>
    void Index(Lucene.Net.Store.Directory into, IReadOnlyList<(string Id, string Text)> corpus, BM25Similarity similarity, bool merge)
    {
        var config = new IndexWriterConfig(Bm25Analyzers.Version, analyzer)
        {
            Similarity = similarity,
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(into, config);
        var text = new Field(TextField, "", TermsAndCounts);
        var ordinal = new NumericDocValuesField(OrdinalField, 0);
        var document = new Document { text, ordinal };
        for (var i = 0; i < corpus.Count; i++)
        {
            text.SetStringValue(corpus[i].Text);
            ordinal.SetInt64Value(i);
            writer.AddDocument(document);
        }
        if (merge) writer.ForceMerge(1);
        writer.Commit();
    }

    /// <summary>An analyzed, unstored field indexing documents and term counts, without positions.</summary>
    static readonly FieldType TermsAndCounts = Frozen(new FieldType(Lucene.Net.Documents.TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>What a BM25 ranking depends on: kind, analyzer (and Lucene's version), k1, b and k.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> IdentityOf(RetrieverSettings settings)
    {
        yield return new(RetrieverIdentity.KindProperty, Kind);
        yield return new("analyzer", settings.Bm25.Analyzer);
        yield return new("lucene", "4.8");
        yield return new("k1", RetrieverIdentity.Number(settings.Bm25.K1));
        yield return new("b", RetrieverIdentity.Number(settings.Bm25.B));
        yield return new(RetrieverIdentity.KProperty, RetrieverIdentity.Number(settings.K));
    }

    public RetrieverIdentity Identity { get; }

    /// <summary>How many segments are indexed.</summary>
    public int Count => ids.Length;

    /// <inheritdoc/>
    public IReadOnlyList<RankedSegment> Retrieve(RetrievalQuery query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var terms = Query(query.Text);
        if (terms.Clauses.Count == 0) return [];
        var collector = new RankingCollector(new TopScores(Math.Min(k, ids.Length), ids), ordinals);
        searcher.Search(terms, collector);
        return collector.Top.Ranked();
    }

    /// <inheritdoc/>
    /// <remarks>Queries on every core: Lucene's searcher and the analyzer's per-thread token streams are made for it.</remarks>
    public IReadOnlyList<IReadOnlyList<RankedSegment>> RetrieveAll(IReadOnlyList<RetrievalQuery> queries, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var rankings = new IReadOnlyList<RankedSegment>[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rankings[i] = Retrieve(queries[i], k));
        return rankings;
    }

    /// <summary>The analyzed terms of <paramref name="text"/>, in order of first appearance, with their counts.</summary>
    public IReadOnlyList<(string Term, int Count)> Terms(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        using var stream = analyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (counts.TryGetValue(value, out var count)) counts[value] = count + 1;
            else
            {
                counts[value] = 1;
                order.Add(value);
            }
        }
        stream.End();
        return order.Select(t => (t, counts[t])).ToList();
    }

    BooleanQuery Query(string text)
    {
        var query = new BooleanQuery();
        foreach (var (term, count) in Terms(text))
        {
            // A term asked twice weighs twice, as if its clause were repeated; the clause limit is per distinct term.
            if (query.Clauses.Count == BooleanQuery.MaxClauseCount) break;
            query.Add(new TermQuery(new Term(TextField, term)) { Boost = count }, Occur.SHOULD);
        }
        return query;
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    /// <summary>Each leaf's corpus positions by document, from the ordinal doc values the index stores.</summary>
    static Dictionary<object, int[]> Ordinals(DirectoryReader reader)
    {
        var byLeaf = new Dictionary<object, int[]>(ReferenceEqualityComparer.Instance);
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(OrdinalField);
            var positions = new int[leaf.AtomicReader.MaxDoc];
            for (var doc = 0; doc < positions.Length; doc++) positions[doc] = (int)values.Get(doc);
            byLeaf[leaf.AtomicReader.CoreCacheKey] = positions;
        }
        return byLeaf;
    }

    /// <summary>Feeds every match to a <see cref="TopScores"/>, by corpus position (whatever Lucene's doc ids).</summary>
    sealed class RankingCollector(TopScores top, Dictionary<object, int[]> ordinals) : ICollector
    {
        Scorer? scorer;
        int[] positions = [];

        public TopScores Top { get; } = top;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => this.scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => positions = ordinals[context.AtomicReader.CoreCacheKey];

        public void Collect(int doc) => Top.Offer(scorer!.GetScore(), positions[doc]);
    }
}
