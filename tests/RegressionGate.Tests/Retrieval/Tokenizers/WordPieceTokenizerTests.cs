using static RegressionGate.Tests.Retrieval.Tokenizers.BundledVocabulary;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// Parity with the reference BERT uncased tokenizer. Every expected id was looked up by hand in the bundled vocab.txt
/// (line number − 1); the comment shows the pieces.
/// </summary>
public class WordPieceTokenizerTests
{
    const int Cls = 101, Sep = 102, Unk = 100;

    [Fact]
    public void Accents_are_stripped_as_uncased_bert_does_never_unknown()
    {
        // [CLS] it ##era ##cao [SEP]
        Assert.Equal([Cls, 2009, 6906, 20808, Sep], Encode("iteração"));
        // [CLS] cao [SEP]: uppercase with cedilla and tilde
        Assert.Equal([Cls, 12966, Sep], Encode("ÇÃO"));
        // [CLS] sao paulo — 1 ##º lu ##gar … [SEP]
        Assert.Equal([Cls, 7509, 9094, 1517, 1015, 29662, 11320, 6843, 1529, Sep], Encode("São Paulo — 1º lugar…"));
    }

    [Fact]
    public void A_portuguese_question_tokenizes_like_the_reference()
    {
        // [CLS] qu ##al e o ob ##jet ##ivo da cam ##ada de pool ##ing em um ##a red ##e neural ? [SEP]
        Assert.Equal(
            [Cls, 24209, 2389, 1041, 1051, 27885, 15759, 20984, 4830, 11503, 8447, 2139, 4770, 2075, 7861, 8529, 2050, 2417, 2063, 15756, 1029, Sep],
            Encode("Qual é o objetivo da camada de pooling em uma rede neural?"));
    }

    [Fact]
    public void Punctuation_is_split_from_words()
    {
        // [CLS] ol ##a , mundo ! [SEP]
        Assert.Equal([Cls, 19330, 2050, 1010, 25989, 999, Sep], Encode("Olá, mundo!"));
        // [CLS] formula : y = w · x + b [SEP]: the middle dot is Unicode punctuation (Po)
        Assert.Equal([Cls, 5675, 1024, 1061, 1027, 1059, 1087, 1060, 1009, 1038, Sep], Encode("Fórmula: y = W·x + b"));
    }

    [Theory]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a \t\n b")]
    [InlineData("a\u00A0b")] // no-break space (Zs)
    [InlineData("a\u2028b")] // line separator
    public void Tabs_and_newlines_separate_words_like_spaces(string text)
    {
        // [CLS] a b [SEP], whereas "ab" is the single token ab (11113)
        Assert.Equal([Cls, 1037, 1038, Sep], Encode(text));
        Assert.Equal([Cls, 11113, Sep], Encode("ab"));
    }

    [Fact]
    public void Ascii_symbols_are_tokens_of_their_own()
    {
        // [CLS] x $ + = < > | y [SEP]
        Assert.Equal([Cls, 1060, 1002, 1009, 1027, 1026, 1028, 1064, 1061, Sep], Encode("x$+=<>|y"));
        // [CLS] r $ 10 , 50 + 20 % = r $ 12 , 60 [SEP]
        Assert.Equal([Cls, 1054, 1002, 2184, 1010, 2753, 1009, 2322, 1003, 1027, 1054, 1002, 2260, 1010, 3438, Sep],
            Encode("R$ 10,50 + 20% = R$ 12,60"));
    }

    [Fact]
    public void Control_and_format_characters_vanish_without_splitting_the_word()
    {
        // [CLS] abc ##d [SEP]: zero-width space (Cf), NUL and U+FFFD are removed, not turned into spaces
        Assert.Equal([Cls, 5925, 2094, Sep], Encode("a\u200Bb\0c\uFFFDd"));
        // [CLS] abc [SEP]: vertical tab and form feed are control characters to BERT, not whitespace
        Assert.Equal([Cls, 5925, Sep], Encode("a\vb\fc"));
        // [CLS] ab [SEP]: an unpaired surrogate is dropped like any other control character
        Assert.Equal([Cls, 11113, Sep], Encode("a\uD800b"));
    }

    [Fact]
    public void Code_points_dotnet_refuses_to_normalize_are_dropped_like_other_unassigned_characters()
    {
        // BERT's text cleaning drops every "C*" character before accents are stripped; U+FFFE is one (Cn), which .NET's
        // normalisation throws on. [CLS] ab [SEP]
        Assert.Equal([Cls, 11113, Sep], Encode("a\uFFFEb"));
        // [CLS] it ##era ##cao [SEP]: between decomposed accents, in text that must be decomposed
        Assert.Equal([Cls, 2009, 6906, 20808, Sep], Encode("iterac\u0327\uFFFEa\u0303o"));
        Assert.Equal(Encode("ação"), Encode("\uFFFEação\uFFFE"));
        // With an unpaired surrogate too, and nothing else: just [CLS] [SEP]
        Assert.Equal([Cls, Sep], Encode("\uFFFE\uD800\uFFFF\U0010FFFE"));
    }

    [Fact]
    public void Cjk_ideographs_are_spaced_out()
    {
        // [CLS] 中 文 [SEP]
        Assert.Equal([Cls, 1746, 1861, Sep], Encode("中文"));
    }

    [Fact]
    public void A_word_without_pieces_becomes_one_unknown_token()
    {
        // [CLS] [UNK] [SEP]: no piece covers the snowman, so the whole word is [UNK], not a ##a plus [UNK]
        Assert.Equal([Cls, Unk, Sep], Encode("a☃b"));
        // [CLS] [UNK] b [SEP]: an emoji is one code point (a surrogate pair), kept as a letter, unknown to the vocabulary
        Assert.Equal([Cls, Unk, 1038, Sep], Encode("a😀 b"));
    }

    [Fact]
    public void Words_over_one_hundred_characters_are_unknown()
    {
        // [CLS] aaa ##aa×48 ##a [SEP] for exactly 100 characters
        Assert.Equal([Cls, 13360, .. Enumerable.Repeat(11057, 48), 2050, Sep], Encode(new string('a', 100)));
        Assert.Equal([Cls, Unk, Sep], Encode(new string('a', 101)));
        // [CLS] [UNK] b [SEP]: the long word does not swallow the next one
        Assert.Equal([Cls, Unk, 1038, Sep], Encode(new string('a', 150) + " b"));
    }

    [Fact]
    public void Text_that_looks_like_a_special_token_is_tokenized_as_text()
    {
        // [CLS] [ sep ] [SEP]
        Assert.Equal([Cls, 1031, 19802, 1033, Sep], Encode("[SEP]"));
    }

    [Fact]
    public void Empty_or_blank_text_is_just_the_special_tokens()
    {
        Assert.Equal([Cls, Sep], Encode(""));
        Assert.Equal([Cls, Sep], Encode(" \t\r\n\u200B"));
    }

    [Fact]
    public void Truncation_counts_the_special_tokens_and_keeps_the_first_pieces()
    {
        // [CLS] it ##era [SEP]: cut inside the word, as the reference truncates the piece sequence
        Assert.Equal([Cls, 2009, 6906, Sep], Encode("iteração", maxTokens: 4));
        // [CLS] a b c [SEP]
        Assert.Equal([Cls, 1037, 1038, 1039, Sep], Encode("a b c d e", maxTokens: 5));
        Assert.Equal([Cls, Sep], Encode("a b c", maxTokens: 2));
        Assert.Equal(512, Encode(string.Join(' ', Enumerable.Repeat("iteração", 1000))).Length);
    }

    [Fact]
    public void Fewer_than_two_tokens_cannot_hold_cls_and_sep()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode("a", maxTokens: 1));
    }

    [Fact]
    public void Special_ids_and_size_come_from_the_vocabulary()
    {
        Assert.Equal((0, 100, 101, 102), (Tokenizer.PadId, Tokenizer.UnknownId, Tokenizer.ClsId, Tokenizer.SepId));
        Assert.Equal(30522, Tokenizer.VocabularySize);
        Assert.Equal("##cao", Tokenizer.TokenOf(20808));
    }

    [Fact]
    public void Span_encoding_writes_the_same_ids_into_the_callers_buffer()
    {
        Span<int> buffer = stackalloc int[8];
        var count = Tokenizer.Encode("Olá, mundo!", buffer);
        Assert.Equal(Encode("Olá, mundo!"), buffer[..count].ToArray());
    }

    [Fact]
    public void Long_texts_with_accents_are_tokenized_whole_up_to_the_limit()
    {
        var once = Encode("Ação, reação!")[1..^1];
        var text = string.Concat(Enumerable.Repeat("Ação, reação! ", 2000));
        int[] expected = [Cls, .. Enumerable.Repeat(once, 2000).SelectMany(pieces => pieces).Take(8190), Sep];
        Assert.Equal(expected, Encode(text, maxTokens: 8192));
    }
}
