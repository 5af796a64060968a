using RegressionGate.Judging.Metrics;

namespace RegressionGate.Tests.Judging.Metrics;

public sealed class StatementSplitterTests
{
    [Fact]
    public void Sentences_become_statements_without_their_citations()
    {
        var statements = StatementSplitter.Split("O pooling reduz a resolução [1]. Ele também diminui os parâmetros [2, 3]! E o GAP gera um vetor compacto [4–6]?");

        Assert.Equal(["O pooling reduz a resolução.", "Ele também diminui os parâmetros!", "E o GAP gera um vetor compacto?"], statements);
    }

    [Fact]
    public void Decimals_abbreviations_and_a_lower_case_word_after_a_period_do_not_end_a_statement()
    {
        var statements = StatementSplitter.Split("A taxa de 0.5 funciona bem, p. ex. com o Adam e a SGD. Em seguida ajusta-se o lote.");

        Assert.Equal(["A taxa de 0.5 funciona bem, p. ex. com o Adam e a SGD.", "Em seguida ajusta-se o lote."], statements);
    }

    [Fact]
    public void Short_pieces_headings_bare_links_and_citations_alone_are_trivial_and_skipped()
    {
        var statements = StatementSplitter.Split("Referências:\n- [Aula 1](https://example.org/aula-1)\nVer [2].\n- O dropout desliga neurônios ao acaso no treino.\nhttps://example.org/x");

        Assert.Equal(["O dropout desliga neurônios ao acaso no treino."], statements);
    }

    [Fact]
    public void The_minimum_of_words_decides_what_is_trivial()
    {
        const string answer = "Sim, reduz. O pooling reduz a resolução espacial.";

        Assert.Equal(["O pooling reduz a resolução espacial."], StatementSplitter.Split(answer));
        Assert.Equal(["Sim, reduz.", "O pooling reduz a resolução espacial."], StatementSplitter.Split(answer, minWords: 2));
    }

    [Fact]
    public void An_answer_of_only_trivial_pieces_has_no_statements()
    {
        Assert.Empty(StatementSplitter.Split("Não sei. [1]"));
        Assert.Empty(StatementSplitter.Split(""));
    }
}
