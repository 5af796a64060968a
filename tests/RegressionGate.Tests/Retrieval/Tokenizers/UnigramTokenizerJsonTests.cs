using System.Text.Json.Nodes;
using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// A Hugging Face <c>tokenizer.json</c> as XLM-RoBERTa's fast tokenizer ships it (Precompiled + Replace normalizer, Metaspace,
/// Unigram with its own ids, RobertaProcessing), written here with the pieces of <see cref="SentencePieceTokenizerTests"/> in
/// fairseq order, so both formats must give the same ids.
/// </summary>
public class UnigramTokenizerJsonTests
{
    static readonly (string Piece, double Score)[] Pieces =
    [
        ("<s>", 0), ("<pad>", 0), ("</s>", 0), ("<unk>", 0),
        ("▁", -3.0), ("▁re", -2.0), ("de", -2.5), ("▁rede", -4.0), ("s", -2.0), ("▁redes", -7.0), ("▁neural", -3.0),
        ("▁oi", -3.0), ("▁o", -1.5), ("i", -1.5), ("▁ite", -3.5), ("ra", -2.5), ("ção", -2.0), ("▁fi", -2.0), ("e", -5.0), ("d", -5.0),
        ("<mask>", 0),
    ];

    static JsonObject Document() => new()
    {
        ["version"] = "1.0",
        ["added_tokens"] = new JsonArray(
            new[] { ("<s>", 0), ("<pad>", 1), ("</s>", 2), ("<unk>", 3), ("<mask>", 20) }
                .Select(t => (JsonNode)new JsonObject { ["id"] = t.Item2, ["content"] = t.Item1, ["special"] = true }).ToArray()),
        ["normalizer"] = new JsonObject
        {
            ["type"] = "Sequence",
            ["normalizers"] = new JsonArray(
                new JsonObject { ["type"] = "Precompiled", ["precompiled_charsmap"] = Convert.ToBase64String(CharsMapBuilder.NmtNfkcSample().ToBytes()) },
                new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["Regex"] = " {2,}" }, ["content"] = " " }),
        },
        ["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = "always", ["split"] = true },
        ["post_processor"] = new JsonObject
        {
            ["type"] = "RobertaProcessing",
            ["sep"] = new JsonArray("</s>", 2),
            ["cls"] = new JsonArray("<s>", 0),
        },
        ["model"] = new JsonObject
        {
            ["type"] = "Unigram",
            ["unk_id"] = 3,
            ["vocab"] = new JsonArray(Pieces.Select(p => (JsonNode)new JsonArray(p.Piece, p.Score)).ToArray()),
        },
    };

    static SentencePieceTokenizer Load(JsonObject document) =>
        UnigramTokenizerJson.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString())), "model/tokenizer.json");

    static readonly SentencePieceTokenizer Tokenizer = Load(Document());

    [Theory]
    [InlineData("redes")]
    [InlineData("rede neural")]
    [InlineData("oi")]
    [InlineData("iteração")]
    [InlineData("iterac\u0327a\u0303o")]
    [InlineData("\uFB01 ｒｅｄｅ")]
    [InlineData("redes 😀😀 rede")]
    [InlineData("<s> </s>")]
    [InlineData("rede    neural")]
    public void Gives_the_ids_of_the_same_model_read_from_sentencepiece(string text)
    {
        Assert.Equal(SentencePieceTokenizerTests.Tokenizer.Encode(text, 512), Tokenizer.Encode(text, 512));
    }

    [Fact]
    public void Text_the_map_deletes_entirely_is_no_pieces_at_all()
    {
        // The sample map deletes U+0001. Hugging Face's Metaspace then has no word to prefix with ▁; SentencePiece drops the
        // dummy ▁ with the trailing whitespace. Both leave only <s> </s>.
        Assert.Equal([0, 2], Tokenizer.Encode("\u0001\u0001", 16));
        Assert.Equal([0, 2], SentencePieceTokenizerTests.Tokenizer.Encode("\u0001\u0001", 16));
    }

    [Fact]
    public void Ids_come_from_the_file()
    {
        // "▁rede▁neural": ▁rede is vocab entry 7, ▁neural 10; <s> 0 and </s> 2 from RobertaProcessing.
        Assert.Equal([0, 7, 10, 2], Tokenizer.Encode("rede neural", 16));
        Assert.Equal(1, Tokenizer.PadId);
        Assert.Equal(3, Tokenizer.UnknownId);
        Assert.Equal(21, Tokenizer.VocabularySize);
    }

    [Fact]
    public void Begin_and_end_come_from_a_template_post_processor_too()
    {
        var document = Document();
        document["post_processor"] = JsonNode.Parse("""
            {"type":"TemplateProcessing",
             "single":[{"SpecialToken":{"id":"</s>","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"<s>","type_id":0}}],
             "special_tokens":{"<s>":{"id":"<s>","ids":[0],"tokens":["<s>"]},"</s>":{"id":"</s>","ids":[2],"tokens":["</s>"]}}}
            """);
        // A deliberately odd template (</s> first) shows the ids are read, not assumed.
        Assert.Equal([2, 7, 0], Load(document).Encode("rede", 16));
    }

    [Fact]
    public void A_wordpiece_tokenizer_json_is_refused_with_its_type()
    {
        var document = Document();
        document["model"] = new JsonObject { ["type"] = "WordPiece", ["vocab"] = new JsonObject() };
        var error = Assert.Throws<InvalidDataException>(() => Load(document));
        Assert.Contains("model/tokenizer.json", error.Message);
        Assert.Contains("WordPiece", error.Message);
    }

    [Fact]
    public void An_unsupported_normalizer_is_refused_by_name()
    {
        var document = Document();
        document["normalizer"] = new JsonObject { ["type"] = "BertNormalizer" };
        Assert.Contains("'BertNormalizer'", Assert.Throws<InvalidDataException>(() => Load(document)).Message);
    }

    [Fact]
    public void Without_a_metaspace_pre_tokenizer_spaces_could_not_be_marked_so_it_is_refused()
    {
        var document = Document();
        document.Remove("pre_tokenizer");
        Assert.Contains("Metaspace", Assert.Throws<InvalidDataException>(() => Load(document)).Message);
    }

    [Fact]
    public void Malformed_json_names_the_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => UnigramTokenizerJson.Load(new MemoryStream("{\"model\":"u8.ToArray()), "m/tokenizer.json"));
        Assert.Contains("m/tokenizer.json", error.Message);
    }
}
