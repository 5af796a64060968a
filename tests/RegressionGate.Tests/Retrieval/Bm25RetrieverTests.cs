using RegressionGate.Golden;
using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Retrieval;

/// <summary>BM25 over Lucene's Brazilian and Portuguese analyzers, on small Portuguese corpora.</summary>
public class Bm25RetrieverTests
{
    /// <summary>Five short Portuguese lecture segments; the BM25 index cache's tests index them too.</summary>
    internal static readonly (string Id, string Text)[] Lectures =
    [
        ("1", "A camada de pooling reduz a dimensão espacial dos mapas de características, ficando com o máximo de cada região."),
        ("2", "O gradiente descendente atualiza os pesos da rede na direção oposta ao gradiente da função de custo."),
        ("3", "A taxa de aprendizado controla o tamanho do passo em cada iteração do treinamento."),
        ("4", "O k-means agrupa os pontos pelo centróide mais próximo e recalcula os centróides até convergir."),
        ("5", "Hoje vamos falar da história da computação e dos primeiros computadores."),
    ];

    static Bm25Retriever Retriever(IReadOnlyList<(string, string)> corpus, string analyzer = "brazilian", double k1 = 1.2, double b = 0.75) =>
        new(corpus, new RetrieverSettings { Kind = Bm25Retriever.Kind, Bm25 = new Bm25Settings { Analyzer = analyzer, K1 = k1, B = b } });

    static RetrievalQuery Query(string text) => new("q", text);

    [Theory]
    [InlineData("brazilian")]
    [InlineData("portuguese")]
    public void Accents_are_stripped_so_iteracao_finds_iteracao_with_cedilla_and_tilde(string analyzer)
    {
        using var retriever = Retriever(Lectures, analyzer);
        Assert.Equal(retriever.Terms("iteração"), retriever.Terms("iteracao"));
        Assert.Equal(retriever.Terms("AÇÃO"), retriever.Terms("acao"));
        var ranked = retriever.Retrieve(Query("iteracao"), 5);
        Assert.Equal("3", Assert.Single(ranked).Id);
        Assert.True(ranked[0].Score > 0);
    }

    [Theory]
    [InlineData("brazilian", "Para que serve a camada de pooling?", "1")]
    [InlineData("brazilian", "Como o gradiente descendente atualiza os pesos?", "2")]
    [InlineData("brazilian", "O que faz o algoritmo k-means com os centróides?", "4")]
    [InlineData("portuguese", "Para que serve a camada de pooling?", "1")]
    [InlineData("portuguese", "Como o gradiente descendente atualiza os pesos?", "2")]
    public void The_segment_that_answers_ranks_first(string analyzer, string question, string expected)
    {
        using var retriever = Retriever(Lectures, analyzer);
        var ranked = retriever.Retrieve(Query(question), 3);
        Assert.Equal(expected, ranked[0].Id);
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => r.Rank));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score > p.Second.Score));
    }

    [Fact]
    public void Scores_are_raw_bm25_as_worked_out_by_hand()
    {
        // b = 0 takes document length out: score = Σ boost × idf × tf (k1 + 1) / (tf + k1), idf = ln(1 + (N − n + 0.5) / (n + 0.5)).
        using var retriever = Retriever([("d1", "pooling pooling neural"), ("d2", "pooling"), ("d3", "computador")], k1: 1.2, b: 0);
        var idfPooling = Math.Log(1 + (3 - 2 + 0.5) / (2 + 0.5)); // ln 1.6
        var idfNeural = Math.Log(1 + (3 - 1 + 0.5) / (1 + 0.5));  // ln 2.667

        var pooling = retriever.Retrieve(Query("pooling"), 10);
        Assert.Equal(["d1", "d2"], pooling.Select(r => r.Id));
        // Lucene computes in single precision, hence the tolerance.
        Assert.Equal(idfPooling * 2 * 2.2 / (2 + 1.2), pooling[0].Score, 1e-6); // 0.64626
        Assert.Equal(idfPooling * 1 * 2.2 / (1 + 1.2), pooling[1].Score, 1e-6); // 0.47000

        var both = retriever.Retrieve(Query("neural pooling"), 10);
        Assert.Equal(idfPooling * 2 * 2.2 / 3.2 + idfNeural, both[0].Score, 1e-6);
        // A term asked twice counts twice.
        Assert.Equal(2 * idfPooling, retriever.Retrieve(Query("pooling pooling"), 10)[1].Score, 1e-6);
    }

    [Fact]
    public void Equal_scores_are_ranked_by_id_ascending_numbers_by_value()
    {
        using var retriever = Retriever([("10", "camada de pooling"), ("9", "camada de pooling"), ("b", "camada de pooling"), ("a", "camada de pooling")]);
        var ranked = retriever.Retrieve(Query("pooling"), 4);
        Assert.Equal(["9", "10", "a", "b"], ranked.Select(r => r.Id));
        Assert.Single(ranked.Select(r => r.Score).Distinct());
        Assert.Equal(["9", "10"], retriever.Retrieve(Query("pooling"), 2).Select(r => r.Id));
    }

    [Fact]
    public void A_question_of_stop_words_only_matches_nothing()
    {
        using var retriever = Retriever(Lectures);
        Assert.Empty(retriever.Retrieve(Query("o que de da do"), 5));
    }

    [Fact]
    public void Identity_names_kind_analyzer_lucene_version_k1_b_and_k()
    {
        var settings = new RetrieverSettings { Kind = Bm25Retriever.Kind, K = 7, Bm25 = new Bm25Settings { Analyzer = "portuguese", K1 = 0.9, B = 0.4 } };
        using var retriever = new Bm25Retriever(Lectures, settings);
        Assert.Equal(
            [new("kind", "bm25"), new("analyzer", "portuguese"), new("lucene", "4.8"), new("k1", "0.9"), new("b", "0.4"), new("k", "7")],
            retriever.Identity.Properties);
        using var other = new Bm25Retriever(Lectures, settings with { Bm25 = settings.Bm25 with { K1 = 1.2 } });
        Assert.Equal(["k1 '0.9' → '1.2'"], other.Identity.ChangesFrom(retriever.Identity));
    }

    [Fact]
    public void Built_from_a_golden_set_it_indexes_the_corpus_with_gate_json_settings()
    {
        var corpus = Lectures.Select(l => new Segment(l.Id, "v", "Aula", null, new TimeCode(0), new TimeCode(1), l.Text)).ToList();
        var context = new RetrieverContext(new GoldenSet(Path.GetTempPath(), corpus, []), new RetrieverSettings { Kind = Bm25Retriever.Kind });
        using var retriever = Bm25Retriever.Create(context);
        Assert.Equal(5, retriever.Count);
        Assert.Equal("4", retriever.Retrieve(Query("centróides do k-means"), 1)[0].Id);
    }
}
