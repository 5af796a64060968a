using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// A SentencePiece Unigram model written byte by byte, read as XLM-RoBERTa's <c>sentencepiece.bpe.model</c>. Every expected
/// id is worked out by hand: the Viterbi path is the cover of "▁"-prefixed text with the highest sum of scores, and each
/// piece's id is its SentencePiece id + 1 (fairseq), with &lt;s&gt; 0, &lt;pad&gt; 1, &lt;/s&gt; 2, &lt;unk&gt; 3.
/// </summary>
public class SentencePieceTokenizerTests
{
    const int Begin = 0, Pad = 1, End = 2, Unknown = 3;

    // SentencePiece ids 3… (fairseq ids one more, in the comments); the lowest normal score is −7, so an unknown character scores −17.
    internal static readonly SentencePieceModelBuilder Model = new SentencePieceModelBuilder()
        .Add("▁", -3.0f)        // 4
        .Add("▁re", -2.0f)      // 5
        .Add("de", -2.5f)       // 6
        .Add("▁rede", -4.0f)    // 7
        .Add("s", -2.0f)        // 8
        .Add("▁redes", -7.0f)   // 9
        .Add("▁neural", -3.0f)  // 10
        .Add("▁oi", -3.0f)      // 11
        .Add("▁o", -1.5f)       // 12
        .Add("i", -1.5f)        // 13
        .Add("▁ite", -3.5f)     // 14
        .Add("ra", -2.5f)       // 15
        .Add("ção", -2.0f)      // 16
        .Add("▁fi", -2.0f)      // 17
        .Add("e", -5.0f)        // 18
        .Add("d", -5.0f);       // 19

    internal static readonly SentencePieceTokenizer Tokenizer = Model.Build();

    static int[] Encode(string text, int maxTokens = 512) => Tokenizer.Encode(text, maxTokens);

    [Fact]
    public void The_best_scoring_cover_wins_over_the_longest_piece()
    {
        // "▁redes": ▁redes alone −7.0; ▁re + de + s −6.5; ▁rede + s = −4.0 − 2.0 = −6.0, the best.
        Assert.Equal([Begin, 7, 8, End], Encode("redes"));
        // "▁rede": ▁rede −4.0 beats ▁re + de −4.5 and ▁re + d + e −12.0.
        Assert.Equal([Begin, 7, End], Encode("rede"));
    }

    [Fact]
    public void Words_get_a_leading_space_symbol_and_are_cut_separately()
    {
        // "▁rede▁neural": ▁rede (−4.0) then ▁neural (−3.0).
        Assert.Equal([Begin, 7, 10, End], Encode("rede neural"));
    }

    [Fact]
    public void On_a_tie_the_path_whose_last_piece_starts_earlier_is_kept()
    {
        // "▁oi": ▁oi −3.0 and ▁o + i = −1.5 − 1.5 = −3.0 tie (exact in binary); SentencePiece keeps the longer last piece.
        Assert.Equal([Begin, 11, End], Encode("oi"));
    }

    [Fact]
    public void Accented_words_are_covered_by_their_pieces_whatever_the_unicode_form()
    {
        // "▁iteração": ▁ite (−3.5) + ra (−2.5) + ção (−2.0) = −8.0; ▁ + i + … would need unknowns at −17 each.
        Assert.Equal([Begin, 14, 15, 16, End], Encode("iteração"));
        // Decomposed (c + U+0327, a + U+0303) is composed by NFKC first.
        Assert.Equal([Begin, 14, 15, 16, End], Encode("iterac\u0327a\u0303o"));
    }

    [Fact]
    public void Compatibility_characters_are_folded_by_nfkc()
    {
        // The ligature ﬁ (U+FB01) is "fi": "▁fi" is one piece.
        Assert.Equal([Begin, 17, End], Encode("\uFB01"));
        // Full-width ｒｅｄｅ is rede.
        Assert.Equal([Begin, 7, End], Encode("ｒｅｄｅ"));
    }

    [Theory]
    [InlineData("  rede   neural  ")]
    [InlineData("rede\tneural\n")]
    [InlineData("\r\nrede\u00A0neural")] // no-break space: NFKC makes it a space
    [InlineData("rede\u2028\u200Bneural")] // line separator and zero-width space: spaces under the NMT rules
    public void Whitespace_is_trimmed_collapsed_and_written_as_one_space_symbol(string text)
    {
        Assert.Equal([Begin, 7, 10, End], Encode(text));
    }

    [Fact]
    public void A_run_of_uncovered_characters_is_one_unknown_and_stops_at_a_known_piece()
    {
        // "▁redes▁😀😀▁rede": ▁rede s | ▁ then two emoji no piece covers, fused into one <unk> | ▁rede.
        Assert.Equal([Begin, 7, 8, 4, Unknown, 7, End], Encode("redes 😀😀 rede"));
        // "▁d😀e": d is a piece, so the unknown stays one character wide between d and e.
        Assert.Equal([Begin, 4, 19, Unknown, 18, End], Encode("d😀e"));
    }

    [Fact]
    public void Text_that_looks_like_a_special_token_is_cut_as_text()
    {
        // "▁<s>": ▁, then < unknown, s, > unknown: never the control id 0.
        Assert.Equal([Begin, 4, Unknown, 8, Unknown, End], Encode("<s>"));
        // "▁</s>": < and / are both uncovered and side by side, so they fuse into one <unk>.
        Assert.Equal([Begin, 4, Unknown, 8, Unknown, End], Encode("</s>"));
    }

    [Fact]
    public void Truncation_keeps_the_first_pieces_between_begin_and_end()
    {
        Assert.Equal([Begin, 7, 10, End], Encode("rede neural redes oi", maxTokens: 4));
        Assert.Equal([Begin, End], Encode("rede neural", maxTokens: 2));
        Assert.Equal([Begin, End], Encode("   "));
    }

    [Fact]
    public void Ids_follow_fairseq_with_mask_as_the_last_id()
    {
        Assert.Equal(Pad, Tokenizer.PadId);
        Assert.Equal(Unknown, Tokenizer.UnknownId);
        // 19 SentencePiece pieces (ids 0–18) + fairseq's offset + <mask>.
        Assert.Equal(Model.Pieces.Count + 2, Tokenizer.VocabularySize);
    }

    [Fact]
    public void A_piece_spanning_a_space_is_used_when_the_model_has_one()
    {
        var tokenizer = new SentencePieceModelBuilder().Add("▁", -3).Add("a", -1).Add("b", -1).Add("a▁b", -1).Build();
        // "▁a▁b": ▁ (−3) + a▁b (−1) = −4 beats ▁ a ▁ b (−8); the text is not cut at spaces for such a model.
        Assert.Equal([Begin, 4, 7, End], tokenizer.Encode("a b", 16));
    }

    [Fact]
    public void Byte_fallback_writes_uncovered_characters_as_their_utf8_bytes()
    {
        var builder = new SentencePieceModelBuilder { ByteFallback = true }.Add("▁", -1).Add("a", -1);
        for (var b = 0; b < 256; b++) builder.Add($"<0x{b:X2}>", 0, SentencePieceType.Byte);
        var tokenizer = builder.Build();
        // "▁a😀": ▁ (4), a (5), then 😀 = F0 9F 98 80: byte piece <0xHH> has SentencePiece id 5 + HH, fairseq id 6 + HH.
        Assert.Equal([Begin, 4, 5, 6 + 0xF0, 6 + 0x9F, 6 + 0x98, 6 + 0x80, End], tokenizer.Encode("a😀", 16));
    }

    [Fact]
    public void A_model_not_laid_out_like_xlm_roberta_is_refused()
    {
        var proto = new Protobuf.ProtobufWriter()
            .Message(1, p => p.String(1, "<s>").Float(2, 0).Varint(3, 3))
            .Message(1, p => p.String(1, "<unk>").Float(2, 0).Varint(3, 2))
            .Message(1, p => p.String(1, "a").Float(2, -1))
            .Message(2, t => t.Varint(40, 1).Varint(41, 0).Varint(42, -1));
        var error = Assert.Throws<InvalidDataException>(() => SentencePieceTokenizer.LoadXlmRoberta(new MemoryStream(proto.ToArray()), "m/sentencepiece.bpe.model"));
        Assert.Contains("m/sentencepiece.bpe.model", error.Message);
        Assert.Contains("XLM-RoBERTa", error.Message);
    }

    [Fact]
    public void The_model_is_normalized_by_its_own_map_whatever_the_rule_is_called()
    {
        // A user's rule: ＸＹ → rede and Ｘ → o. The longest key wins: "ＸＹ" is ▁rede (7), "Ｘi" is ▁oi (11).
        var map = new CharsMapBuilder().Add("ＸＹ", "rede").Add("Ｘ", "o").ToBytes();
        var tokenizer = new SentencePieceModelBuilder { NormalizerName = "user_defined", CharsMap = map }.Add("▁", -3).Add("▁rede", -1).Add("i", -9)
            .Add("▁o", -9).Add("e", -9).Add("d", -9).Add("r", -9).Add("▁oi", -1).Build();
        Assert.Equal([Begin, 5, End], tokenizer.Encode("ＸＹ", 16));
        Assert.Equal([Begin, 11, End], tokenizer.Encode("Ｘi", 16));
    }

    [Fact]
    public void A_model_without_a_map_is_not_normalized_whatever_its_rule_is_called()
    {
        // SentencePiece applies the compiled map, not the name: with none, ﬁ stays ﬁ, which no piece covers.
        var tokenizer = new SentencePieceModelBuilder { NormalizerName = "nmt_nfkc", CharsMap = [] }.Add("▁", -3).Add("▁fi", -1).Build();
        Assert.Equal([Begin, 4, Unknown, End], tokenizer.Encode("\uFB01", 16));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0, 0, 1, 2, 3, 4 })]
    public void A_broken_map_is_refused_naming_the_file(byte[] map)
    {
        var model = new SentencePieceModelBuilder { CharsMap = map }.Add("a", -1);
        var error = Assert.Throws<InvalidDataException>(() => SentencePieceTokenizer.LoadXlmRoberta(new MemoryStream(model.ToBytes()), "m/sentencepiece.bpe.model"));
        Assert.StartsWith("m/sentencepiece.bpe.model: ", error.Message);
        Assert.Contains("precompiled_charsmap", error.Message);
    }

    [Fact]
    public void Word_and_char_models_are_refused_by_type()
    {
        var model = new SentencePieceModelBuilder { Algorithm = SentencePieceAlgorithm.Word }.Add("a", -1);
        Assert.Contains("Word", Assert.Throws<InvalidDataException>(model.Build).Message);
    }

    [Fact]
    public void Bytes_that_are_not_a_model_are_an_error_naming_the_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => SentencePieceTokenizer.LoadXlmRoberta(new MemoryStream([0x0A, 0x05, 0x01]), "x.model"));
        Assert.Contains("x.model", error.Message);
        Assert.Contains("truncated", error.Message);
    }
}
