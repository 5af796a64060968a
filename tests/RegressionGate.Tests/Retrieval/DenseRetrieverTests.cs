using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Tests.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval;

[Collection(BundledModelCollection.Name)]
public sealed class DenseRetrieverTests(BundledModelFixture model) : IDisposable
{
    readonly TempDirectory golden = new();

    public void Dispose() => golden.Dispose();

    static readonly Segment[] Corpus =
    [
        Segment("3027", "a camada de entrada não faz processamento, só passa a informação; as camadas ocultas detectam características cada vez mais sofisticadas"),
        Segment("7744", "o global average pooling reduz a dimensionalidade da saída da rede, agregando a informação espacial de cada mapa de características"),
        Segment("12", "a taxa de aprendizado controla o tamanho do passo do gradiente descendente durante o treinamento"),
        Segment("5", "hoje vamos falar sobre a história da computação e dos primeiros computadores"),
    ];

    static Segment Segment(string id, string text) => new(id, "v1", "Aula", null, new TimeCode(0), new TimeCode(60), text);

    RetrieverContext Context(RetrieverSettings? retriever = null) => new(new GoldenSet(golden.Path, Corpus, []), retriever ?? new RetrieverSettings());

    static RetrievalQuery Question(string text) => new("q1", text);

    [Fact]
    public void The_segment_that_answers_the_question_ranks_first()
    {
        using var retriever = new DenseRetriever(Corpus, new RetrieverSettings(), model.Embedder, ownsEmbedder: false);
        var ranked = retriever.Retrieve(Question("Para que serve o global average pooling?"), k: 4);
        Assert.Equal("7744", ranked[0].Id);
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void Identity_names_kind_model_hash_k_prefixes_and_max_tokens_in_order()
    {
        var settings = new RetrieverSettings { K = 7, QueryPrefix = "q: ", PassagePrefix = "p: " };
        using var retriever = new DenseRetriever(Corpus, settings, model.Embedder, ownsEmbedder: false);
        Assert.Equal(
            [
                new("kind", "dense"),
                new("model", "bundled:all-MiniLM-L6-v2"),
                new("modelSha256", "34ab17963f6a8b991253b1f2316c63f745046745eb300ae2397a15d48eccebcc"),
                new("k", "7"),
                new("queryPrefix", "q: "),
                new("passagePrefix", "p: "),
                new("maxTokens", "512"),
            ],
            retriever.Identity.Properties);
    }

    [Fact]
    public void Passages_and_queries_are_embedded_with_their_prefixes()
    {
        using var recording = new CountingEmbedder(model.Embedder);
        using var retriever = new DenseRetriever(Corpus, new RetrieverSettings(), recording, ownsEmbedder: false);
        retriever.Retrieve(Question("o que é pooling?"), k: 1);
        Assert.Equal([.. Corpus.Select(s => "passage: " + s.Text), "query: o que é pooling?"], recording.Texts);
    }

    [Fact]
    public void Embedding_the_corpus_reports_segments_done()
    {
        var progress = new RecordingProgress();
        using var retriever = new DenseRetriever(Corpus, new RetrieverSettings(), model.Embedder, progress, ownsEmbedder: false);
        Assert.Equal(Corpus.Length, progress.Reports[^1]);
        Assert.Equal(progress.Reports.Order(), progress.Reports);
        Assert.Equal(Corpus.Length, retriever.Count);
    }

    [Fact]
    public void A_model_directory_that_cannot_be_loaded_is_a_golden_set_error_on_retriever_model()
    {
        Directory.CreateDirectory(golden.Combine("models/e5"));
        var error = Assert.Throws<InputFileException>(() => DenseRetriever.Create(Context(new RetrieverSettings { Model = "models/e5" })));
        Assert.Equal("gate.json", error.File);
        Assert.Equal("retriever.model", error.Field);
        Assert.Contains(Path.Combine(golden.Path, "models", "e5", "model.onnx"), error.Message);
    }

    [Fact]
    public void Max_tokens_beyond_what_the_model_accepts_is_a_golden_set_error_naming_max_tokens()
    {
        // all-MiniLM-L6-v2 has 512 positions; a segment of 600 tokens cannot run at maxTokens 1024.
        var longSegment = Segment("99", string.Join(' ', Enumerable.Repeat("a", 600)));
        var context = new RetrieverContext(new GoldenSet(golden.Path, [longSegment], []), new RetrieverSettings { MaxTokens = 1024 });
        var error = Assert.Throws<InputFileException>(() => DenseRetriever.Create(context));
        Assert.Equal("retriever", error.Field);
        Assert.Contains("maxTokens 1024", error.Message);
    }

    [Fact]
    public void Create_loads_the_bundled_model_from_the_settings()
    {
        using var retriever = DenseRetriever.Create(Context(new RetrieverSettings { MaxTokens = 128 }));
        Assert.Equal("128", retriever.Identity["maxTokens"]);
        Assert.Equal("7744", retriever.Retrieve(Question("Para que serve o global average pooling?"), 1)[0].Id);
    }

    [Fact]
    public void Create_lets_a_decorator_such_as_a_cache_stand_between_retriever_and_model()
    {
        CountingEmbedder? decorator = null;
        var retriever = DenseRetriever.Create(Context(), decorate: inner => decorator = new CountingEmbedder(inner, ownsInner: true));
        Assert.NotNull(decorator);
        Assert.Equal(Corpus.Select(s => "passage: " + s.Text), decorator.Texts);
        retriever.Dispose();
        Assert.True(decorator.Disposed);
    }

    sealed class RecordingProgress : IProgress<int>
    {
        public List<int> Reports { get; } = [];
        public void Report(int value) => Reports.Add(value);
    }
}
