using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval;

/// <summary>
/// A run asks its retriever every question at once (<see cref="IRetriever.RetrieveAll"/>); each built-in kind answers
/// that its own fast way, and must answer exactly what it answers one question at a time.
/// </summary>
public sealed class RetrieveAllTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("dense", false)]
    [InlineData("dense", true)]
    [InlineData("bm25", true)]
    [InlineData("hybrid", true)]
    public void Asking_every_question_at_once_ranks_each_exactly_as_asking_it_alone(string kind, bool warmCache)
    {
        var loaded = GateInput.Load(TinyGolden.Write(temp));
        var input = loaded with { Settings = loaded.Settings with { Retriever = loaded.Settings.Retriever with { Kind = kind, K = 5 } } };
        var cache = new EmbeddingCache(temp.Combine("cache"));
        if (warmCache)
        {
            // A first retriever fills the cache, so the one under test searches the cache file where it lies.
            using var filling = input.CreateRetriever(cache);
        }
        // Extra queries beside the set's own, one of them matching nothing lexically.
        var queries = input.Golden.Questions.Select(RetrievalQuery.Of)
            .Concat([new RetrievalQuery("x1", "o que faz a camada de pooling?"), new RetrievalQuery("x2", "zzz qqq")]).ToList();

        using var retriever = input.CreateRetriever(cache);
        var together = retriever.RetrieveAll(queries, 5);

        Assert.Equal(queries.Count, together.Count);
        for (var i = 0; i < queries.Count; i++) Assert.Equal(retriever.Retrieve(queries[i], 5), together[i]);
        Assert.Contains(together, ranking => ranking.Count > 0);
    }
}
