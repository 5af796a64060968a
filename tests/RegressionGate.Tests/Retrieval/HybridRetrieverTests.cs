using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Tests.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval;

/// <summary>Weighted reciprocal-rank fusion, by hand, and the hybrid retriever over the real model and BM25.</summary>
[Collection(BundledModelCollection.Name)]
public class HybridRetrieverTests(BundledModelFixture model)
{
    static IReadOnlyList<RankedSegment> Ranking(params string[] ids) => ids.Select((id, i) => new RankedSegment(i + 1, id, 1.0 / (i + 1))).ToList();

    [Fact]
    public void Fused_scores_are_weights_over_rrf_k_plus_rank_summed_over_the_lists()
    {
        var fused = ReciprocalRankFusion.Fuse([(Ranking("A", "B", "C"), 0.7), (Ranking("C", "D"), 0.3)], rrfK: 60, k: 10);
        // A 0.7/61 = 0.011475, B 0.7/62 = 0.011290, C 0.7/63 + 0.3/61 = 0.016029, D 0.3/62 = 0.004839
        Assert.Equal(["C", "A", "B", "D"], fused.Select(f => f.Id));
        Assert.Equal([1, 2, 3, 4], fused.Select(f => f.Rank));
        Assert.Equal(0.7 / 63 + 0.3 / 61, fused[0].Score, 12);
        Assert.Equal(0.7 / 61, fused[1].Score, 12);
        Assert.Equal(0.7 / 62, fused[2].Score, 12);
        Assert.Equal(0.3 / 62, fused[3].Score, 12);
    }

    [Fact]
    public void Equal_fused_scores_are_ranked_by_id_and_k_cuts_the_list()
    {
        // Each is first in one list with the same weight: 0.5/61 both, so id order decides ("2" before "10").
        var fused = ReciprocalRankFusion.Fuse([(Ranking("10", "x"), 0.5), (Ranking("2", "y"), 0.5)], rrfK: 60, k: 2);
        Assert.Equal(["2", "10"], fused.Select(f => f.Id));
        Assert.Equal(fused[0].Score, fused[1].Score);
    }

    [Fact]
    public void A_zero_weight_list_cannot_change_the_order()
    {
        var fused = ReciprocalRankFusion.Fuse([(Ranking("A", "B"), 1.0), (Ranking("B", "A"), 0.0)], rrfK: 0, k: 2);
        Assert.Equal(["A", "B"], fused.Select(f => f.Id));
        Assert.Equal([1.0, 0.5], fused.Select(f => f.Score));
    }

    static readonly Segment[] Corpus =
    [
        Segment("1", "A camada de pooling reduz a dimensão espacial dos mapas de características."),
        Segment("2", "O gradiente descendente atualiza os pesos na direção oposta ao gradiente da função de custo."),
        Segment("3", "A taxa de aprendizado controla o tamanho do passo em cada iteração."),
        Segment("4", "O k-means agrupa os pontos pelo centróide mais próximo."),
    ];

    static Segment Segment(string id, string text) => new(id, "v", "Aula", null, new TimeCode(0), new TimeCode(1), text);

    HybridRetriever Hybrid(RetrieverSettings settings) =>
        new(settings, new DenseRetriever(Corpus, settings, model.Embedder, ownsEmbedder: false), Bm25(settings));

    static Bm25Retriever Bm25(RetrieverSettings settings) => new(Corpus.Select(s => (s.Id, s.Text)).ToList(), settings);

    [Fact]
    public void The_hybrid_ranking_is_the_fusion_of_its_two_retrievers()
    {
        var settings = new RetrieverSettings { Kind = HybridRetriever.Kind, K = 3, Fusion = new FusionSettings { DenseWeight = 0.6, LexicalWeight = 0.4, RrfK = 10, Depth = 4 } };
        var question = new RetrievalQuery("q", "Para que serve a camada de pooling?");
        using var dense = new DenseRetriever(Corpus, settings, model.Embedder, ownsEmbedder: false);
        using var lexical = Bm25(settings);
        var expected = ReciprocalRankFusion.Fuse([(dense.Retrieve(question, 4), 0.6), (lexical.Retrieve(question, 4), 0.4)], 10, 3);

        using var hybrid = Hybrid(settings);
        var ranked = hybrid.Retrieve(question, 3);

        Assert.Equal(expected, ranked);
        Assert.Equal("1", ranked[0].Id);
    }

    [Fact]
    public void Identity_holds_the_dense_parts_the_bm25_parts_and_the_fusion_settings()
    {
        var settings = new RetrieverSettings { Kind = HybridRetriever.Kind, K = 5 };
        using var hybrid = Hybrid(settings);
        Assert.Equal(
            ["kind", "model", "modelSha256", "queryPrefix", "passagePrefix", "maxTokens", "analyzer", "lucene", "k1", "b",
             "denseWeight", "lexicalWeight", "rrfK", "depth", "k"],
            hybrid.Identity.Properties.Select(p => p.Key));
        Assert.Equal("hybrid", hybrid.Identity["kind"]);
        Assert.Equal(model.Embedder.Model.Sha256, hybrid.Identity["modelSha256"]);
        Assert.Equal("0.5", hybrid.Identity["denseWeight"]);
        Assert.Equal("60", hybrid.Identity["rrfK"]);
        Assert.Equal("50", hybrid.Identity["depth"]);
        Assert.Equal("5", hybrid.Identity["k"]);
    }

    [Fact]
    public void A_depth_below_k_is_a_golden_set_error_on_fusion_depth()
    {
        var settings = new RetrieverSettings { Kind = HybridRetriever.Kind, K = 10, Fusion = new FusionSettings { Depth = 5 } };
        var error = Assert.Throws<InputFileException>(() => Hybrid(settings));
        Assert.Equal("gate.json", error.File);
        Assert.Equal("retriever.fusion.depth", error.Field);
        Assert.Contains("depth 5 is less than k 10", error.Message);
    }

    [Fact]
    public void Two_zero_weights_are_a_golden_set_error_on_fusion()
    {
        var settings = new RetrieverSettings { Kind = HybridRetriever.Kind, Fusion = new FusionSettings { DenseWeight = 0, LexicalWeight = 0 } };
        Assert.Equal("retriever.fusion", Assert.Throws<InputFileException>(() => Hybrid(settings)).Field);
    }
}
