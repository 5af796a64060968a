using Microsoft.ML.Tokenizers;
using RegressionGate.Retrieval.Embedding;
using static RegressionGate.Tests.Retrieval.Tokenizers.BundledVocabulary;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// A second opinion from Microsoft.ML.Tokenizers' BertTokenizer, on texts without the characters it is known to mishandle
/// (it drops ASCII symbols such as <c>$ + = &lt; &gt; |</c>, glues words across a tab, splits at zero-width spaces, and
/// throws on U+FFFE).
/// </summary>
public class WordPieceTokenizerParityTests
{
    static readonly Lazy<BertTokenizer> Reference = new(() =>
    {
        using var vocabulary = BundledModelFiles.Instance.Open("vocab.txt");
        return BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
    });

    [Theory]
    [InlineData("Qual é o objetivo da camada de pooling em uma rede neural?")]
    [InlineData("as camadas mais adiante vão detectando coisas mais sofisticadas então esse aqui Combina coisas que foram detectadas aqui antes então pode ser X1 X2 sei lá três vezes X1 ao quadrado")]
    [InlineData("E aí, como é que é o funcionamento? A camada de entrada (camada 0) não faz processamento: só passa a informação adiante.")]
    [InlineData("Global Average Pooling — o pessoal começou a usar exatamente para reduzir o número de neurônios… «ok»")]
    [InlineData("ÁGUA, ÓLEO & AÇÚCAR: 3,5% do total; 12/05/2023 às 14h30.")]
    public void Portuguese_transcripts_match_microsoft_ml_tokenizers(string text)
    {
        Assert.Equal(Reference.Value.EncodeToIds(text), Encode(text));
    }

    [Theory]
    [InlineData("a\uFFFEb")]
    [InlineData("Água\uFFFE e ação\uFFFE")]
    [InlineData("iterac\u0327\uFFFEa\u0303o")]
    [InlineData("\uFFFE")]
    public void Text_with_u_fffe_matches_microsoft_ml_tokenizers_on_the_text_as_bert_cleans_it(string text)
    {
        // The second opinion has the bug this guards against: it hands U+FFFE to .NET's normalisation, which throws.
        Assert.Throws<ArgumentException>(() => Reference.Value.EncodeToIds(text));
        // BERT's text cleaning removes U+FFFE (category Cn) first; on the cleaned text the two agree.
        Assert.Equal(Reference.Value.EncodeToIds(text.Replace("\uFFFE", "", StringComparison.Ordinal)), Encode(text));
    }

    [Fact]
    public void Random_texts_match_microsoft_ml_tokenizers()
    {
        var generator = new TokenizerTextGenerator(seed: 7);
        for (var n = 0; n < 300; n++)
        {
            var text = generator.Next(parts: 60, tricky: false);
            Assert.Equal(Reference.Value.EncodeToIds(text), Encode(text, maxTokens: 4096));
        }
    }

    [Fact]
    public void Truncation_keeps_the_first_pieces_of_the_full_encoding()
    {
        // Microsoft.ML.Tokenizers truncates only between words; BERT, like us, cuts the piece sequence wherever the limit falls.
        var text = new TokenizerTextGenerator(seed: 11).Next(parts: 400, tricky: false);
        var full = Reference.Value.EncodeToIds(text);
        Assert.Equal([.. full.Take(63), 102], Encode(text, maxTokens: 64));
    }
}
