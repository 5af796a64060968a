using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>
/// A warm dense run never loads the model: with the cache holding every passage and question, the retriever ranks from
/// cached vectors alone, and the model is loaded (once) only when a text is not cached.
/// </summary>
public sealed class DeferredEmbedderTests : IDisposable
{
    static readonly Segment[] Corpus =
    [
        Segment("3027", "a camada de entrada não faz processamento, só passa a informação adiante"),
        Segment("7744", "o global average pooling reduz a dimensionalidade da saída da rede"),
        Segment("12", "a taxa de aprendizado controla o tamanho do passo do gradiente descendente"),
    ];

    static readonly RetrievalQuery[] Questions = [new("q1", "Para que serve o global average pooling?"), new("q2", "O que controla a taxa de aprendizado?")];

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static Segment Segment(string id, string text) => new(id, "v1", "Aula", null, new TimeCode(0), new TimeCode(60), text);

    RetrieverContext Context() =>
        new(new GoldenSet(temp.Path, Corpus, []), new RetrieverSettings { MaxTokens = 64 }) { Cache = new EmbeddingCache(temp.Combine("cache")) };

    static IReadOnlyList<string> Rankings(IRetriever retriever, IEnumerable<RetrievalQuery> questions) =>
        questions.SelectMany(q => retriever.Retrieve(q, 3).Select(r => $"{q.Id} {r.Rank} {r.Id} {r.Score:R}")).ToList();

    [Fact]
    public void A_warm_retriever_ranks_from_the_cache_without_loading_the_model_and_loads_it_once_for_an_uncached_question()
    {
        IReadOnlyList<string> cold;
        var (first, coldContext) = (new List<ITextEmbedder>(), Context());
        using (var retriever = DenseRetriever.Create(coldContext, Capturing(coldContext, first)))
            cold = Rankings(retriever, Questions);
        Assert.IsType<OnnxEmbedder>(Assert.Single(first));

        var (second, warmContext) = (new List<ITextEmbedder>(), Context());
        using var warm = DenseRetriever.Create(warmContext, Capturing(warmContext, second));

        var deferred = Assert.IsType<DeferredEmbedder>(Assert.Single(second));
        Assert.Equal(cold, Rankings(warm, Questions));
        Assert.False(deferred.Loaded);
        Assert.Equal(first[0].Model, deferred.Model);
        Assert.Equal(384, deferred.Dimensions);

        var fresh = warm.Retrieve(new RetrievalQuery("q3", "Qual camada só passa a informação adiante?"), 1);
        Assert.True(deferred.Loaded);
        Assert.Equal("3027", fresh[0].Id);
    }

    [Fact]
    public void Without_a_cache_file_for_the_model_and_max_tokens_the_model_loads_at_once()
    {
        using (DenseRetriever.Create(Context())) { }
        var context = Context();
        context = context with { Settings = context.Settings with { MaxTokens = 32 } };

        var other = new List<ITextEmbedder>();
        using (DenseRetriever.Create(context, Capturing(context, other))) { }

        Assert.IsType<OnnxEmbedder>(Assert.Single(other));
    }

    [Fact]
    public void A_model_that_loads_as_something_else_than_its_cache_file_describes_is_refused()
    {
        using var cached = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, 64);
        using var deferred = new DeferredEmbedder(cached.Model, 64, 768, () => OnnxEmbedder.Load(EmbeddingModelSource.Bundled, 64));

        var e = Assert.Throws<EmbeddingModelException>(() => deferred.Embed(["texto"]));

        Assert.Contains("384 dimensions", e.Message, StringComparison.Ordinal);
        Assert.Contains("768 dimensions", e.Message, StringComparison.Ordinal);
        Assert.False(deferred.Loaded);
    }

    /// <summary>Wraps the model's embedder in the context's cache, as the retriever does by default, noting the embedder.</summary>
    static Func<ITextEmbedder, ITextEmbedder> Capturing(RetrieverContext context, List<ITextEmbedder> seen) => inner =>
    {
        seen.Add(inner);
        return context.Cache!.Wrap(inner);
    };
}
