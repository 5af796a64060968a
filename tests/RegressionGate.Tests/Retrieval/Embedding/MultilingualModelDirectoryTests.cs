using System.Text.Json.Nodes;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Retrieval.Tokenizers;
using RegressionGate.Tests.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>
/// Multilingual E5 model directories (XLM-RoBERTa tokenizer) run through real ONNX Runtime sessions: small hand-built graphs
/// whose vectors can be worked out from the token ids, and the bundled MiniLM model paired with a tokenizer that is not its own.
/// "rede neural" is &lt;s&gt; ▁rede ▁neural &lt;/s&gt; = ids 0 7 10 2 (see <see cref="SentencePieceTokenizerTests"/>).
/// </summary>
public sealed class MultilingualModelDirectoryTests : IDisposable
{
    static readonly int[] RedeNeural = [0, 7, 10, 2];
    static readonly SentencePieceModelBuilder Pieces = SentencePieceTokenizerTests.Model;
    static readonly int VocabularySize = Pieces.Pieces.Count + 2;

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Directory(TinyOnnxModel? model = null, bool sentencePiece = true, bool tokenizerJson = false, string name = "e5")
    {
        var directory = temp.Combine(name);
        System.IO.Directory.CreateDirectory(directory);
        (model ?? new TinyOnnxModel(VocabularySize)).WriteTo(Path.Combine(directory, "model.onnx"));
        if (sentencePiece) File.WriteAllBytes(Path.Combine(directory, "sentencepiece.bpe.model"), Pieces.ToBytes());
        if (tokenizerJson) File.WriteAllText(Path.Combine(directory, "tokenizer.json"), TokenizerJson());
        return directory;
    }

    static string TokenizerJson() => new JsonObject
    {
        ["added_tokens"] = new JsonArray(new[] { ("<s>", 0), ("<pad>", 1), ("</s>", 2), ("<unk>", 3) }
            .Select(t => (JsonNode)new JsonObject { ["id"] = t.Item2, ["content"] = t.Item1, ["special"] = true }).ToArray()),
        ["normalizer"] = new JsonObject { ["type"] = "Precompiled", ["precompiled_charsmap"] = "" },
        ["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = "always" },
        ["post_processor"] = new JsonObject { ["type"] = "RobertaProcessing", ["sep"] = new JsonArray("</s>", 2), ["cls"] = new JsonArray("<s>", 0) },
        ["model"] = new JsonObject
        {
            ["type"] = "Unigram",
            ["unk_id"] = 3,
            ["vocab"] = new JsonArray(new[] { ("<s>", 0f), ("<pad>", 0f), ("</s>", 0f), ("<unk>", 0f) }
                .Concat(Pieces.Pieces.Skip(3).Select(p => (p.Piece, p.Score))).Append(("<mask>", 0f))
                .Select(p => (JsonNode)new JsonArray(p.Item1, p.Item2)).ToArray()),
        },
    }.ToJsonString();

    static OnnxEmbedder Load(string directory, int maxTokens = 64) => OnnxEmbedder.Load(EmbeddingModelSource.FromDirectory(directory), maxTokens);

    [Fact]
    public void A_sentencepiece_directory_embeds_by_mean_pooling_its_token_ids()
    {
        var source = EmbeddingModelSource.FromDirectory(Directory());
        Assert.IsType<SentencePieceFormat>(source.TokenizerFormat);
        Assert.Equal(["model.onnx", "sentencepiece.bpe.model"], source.Identity.Files.Select(f => f.Key));
        using var embedder = OnnxEmbedder.Load(source, 64);
        Assert.Equal(TinyOnnxModel.Dimensions, embedder.Dimensions);
        Assert.Equal(RedeNeural, embedder.Tokenizer.Encode("rede neural", 64));
        VectorAssert.Close(TinyOnnxModel.MeanPooled(RedeNeural), embedder.Embed("rede neural"));
    }

    [Fact]
    public void A_unigram_tokenizer_json_gives_the_same_vectors_and_its_own_identity()
    {
        var source = EmbeddingModelSource.FromDirectory(Directory(sentencePiece: false, tokenizerJson: true));
        Assert.IsType<UnigramJsonFormat>(source.TokenizerFormat);
        Assert.Equal(["model.onnx", "tokenizer.json"], source.Identity.Files.Select(f => f.Key));
        using var embedder = OnnxEmbedder.Load(source, 64);
        VectorAssert.Close(TinyOnnxModel.MeanPooled(RedeNeural), embedder.Embed("rede neural"));
    }

    [Fact]
    public void The_sentencepiece_model_is_preferred_when_a_directory_has_both()
    {
        Assert.IsType<SentencePieceFormat>(EmbeddingModelSource.FromDirectory(Directory(tokenizerJson: true)).TokenizerFormat);
    }

    [Fact]
    public void Token_embeddings_are_mean_pooled_over_the_mask_rather_than_taking_the_padded_sentence_embedding()
    {
        using var embedder = Load(Directory(new TinyOnnxModel(VocabularySize) { Output = TinyOnnxModel.Outputs.TokenAndSentence }));
        // In one batch "oi" (<s> ▁oi </s> = 0 11 2) is padded to the length of the first text; the graph's own
        // sentence_embedding would average the padding in, our pooling does not.
        var vectors = embedder.Embed(["rede neural redes", "oi"], batchSize: 2);
        VectorAssert.Close(TinyOnnxModel.MeanPooled(0, 7, 10, 7, 8, 2), vectors[0]);
        VectorAssert.Close(TinyOnnxModel.MeanPooled(0, 11, 2), vectors[1]);
    }

    [Fact]
    public void A_model_with_only_a_sentence_embedding_has_it_used_as_it_is_normalised()
    {
        using var embedder = Load(Directory(new TinyOnnxModel(VocabularySize) { Output = TinyOnnxModel.Outputs.SentenceOnly }));
        // The tiny graph's sentence_embedding is the element-wise maximum, which no pooling of ours would produce.
        VectorAssert.Close(TinyOnnxModel.MaxPooled(RedeNeural), embedder.Embed("rede neural"));
    }

    [Fact]
    public void A_model_that_declares_token_type_ids_gets_type_zero_for_every_token()
    {
        using var embedder = Load(Directory(new TinyOnnxModel(VocabularySize) { TokenTypeIds = true }));
        // Type 1 would add ±100 to every state; type 0 adds nothing.
        VectorAssert.Close(TinyOnnxModel.MeanPooled(RedeNeural), embedder.Embed("rede neural"));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public void A_tokenizer_whose_vocabulary_does_not_fit_the_embedding_table_is_refused_naming_both_sizes(int rows)
    {
        var directory = Directory(new TinyOnnxModel(rows));
        var error = Assert.Throws<EmbeddingModelException>(() => Load(directory));
        Assert.Contains(directory, error.Message);
        Assert.Contains($"sentencepiece.bpe.model) has {VocabularySize} ids", error.Message);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'embeddings.word_embeddings.weight' has {rows:N0} rows"), error.Message);
    }

    [Fact]
    public void When_the_graph_hides_its_table_a_tokenizer_with_too_many_ids_is_caught_by_running_the_highest_id()
    {
        var directory = Directory(new TinyOnnxModel(10) { HiddenTable = true });
        var error = Assert.Throws<EmbeddingModelException>(() => Load(directory));
        Assert.Contains($"has {VocabularySize} ids but the model rejects id {VocabularySize - 1}", error.Message);

        using var fitting = Load(Directory(new TinyOnnxModel(VocabularySize) { HiddenTable = true }, name: "fits"));
        VectorAssert.Close(TinyOnnxModel.MeanPooled(RedeNeural), fitting.Embed("rede neural"));
    }

    [Fact]
    public void A_few_spare_rows_in_the_table_are_accepted_as_multilingual_e5_small_has_them()
    {
        // 250,037 rows for 250,002 ids there; here 301 ids (pieces + 2) and 302 rows, within 1%.
        var builder = new SentencePieceModelBuilder();
        for (var i = 0; i < 296; i++) builder.Add($"▁w{i}", -1 - i / 100f);
        var directory = temp.Combine("spare");
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "sentencepiece.bpe.model"), builder.ToBytes());
        new TinyOnnxModel(builder.Pieces.Count + 3).WriteTo(Path.Combine(directory, "model.onnx"));
        using var embedder = Load(directory);
        Assert.Equal(builder.Pieces.Count + 2, embedder.Tokenizer.VocabularySize);
    }

    [Fact]
    public void The_bundled_model_with_a_sentencepiece_tokenizer_is_refused_naming_both_sizes()
    {
        var directory = temp.Combine("mismatch");
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "model.onnx"), BundledModelFiles.Instance.ReadAllBytes("model.onnx"));
        File.WriteAllBytes(Path.Combine(directory, "sentencepiece.bpe.model"), Pieces.ToBytes());
        var error = Assert.Throws<EmbeddingModelException>(() => Load(directory));
        Assert.Contains($"has {VocabularySize} ids", error.Message);
        Assert.Contains("has 30,522 rows", error.Message);
    }

    [Fact]
    public void The_bundled_graph_reveals_its_word_embedding_table()
    {
        var table = OnnxEmbeddingTable.Find(BundledModelFiles.Instance.ReadAllBytes("model.onnx"));
        Assert.NotNull(table);
        Assert.Equal(30_522, table.Value.Rows);
    }

    [Fact]
    public void A_directory_without_any_tokenizer_lists_every_format_it_could_have()
    {
        var directory = Directory(sentencePiece: false);
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.FromDirectory(directory));
        Assert.Contains("sentencepiece.bpe.model (XLM-RoBERTa SentencePiece)", error.Message);
        Assert.Contains("vocab.txt (BERT WordPiece)", error.Message);
        Assert.Contains("tokenizer.json (Hugging Face Unigram tokenizer.json)", error.Message);
    }

    [Fact]
    public void A_sentencepiece_directory_without_model_onnx_names_the_missing_file()
    {
        var directory = Directory();
        File.Delete(Path.Combine(directory, "model.onnx"));
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.FromDirectory(directory));
        Assert.Contains(Path.Combine(directory, "model.onnx"), error.Message);
    }

    [Fact]
    public void A_broken_sentencepiece_model_is_an_embedding_model_error_naming_the_file()
    {
        var directory = Directory();
        File.WriteAllBytes(Path.Combine(directory, "sentencepiece.bpe.model"), [0x0A, 0x7F]);
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.FromDirectory(directory).LoadTokenizer());
        Assert.Contains("sentencepiece.bpe.model", error.Message);
    }
}
