using System.Text;
using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

public class WordPieceVocabularyTests
{
    static WordPieceTokenizer Load(string text) => WordPieceTokenizer.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Ids_are_line_indexes_with_crlf_or_lf_lines()
    {
        var tokenizer = Load("[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nola\r\n##s\n");
        Assert.Equal(6, tokenizer.VocabularySize);
        Assert.Equal([2, 4, 5, 3], tokenizer.Encode("olas", 16));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_token()
    {
        var tokenizer = WordPieceTokenizer.Load(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("[PAD]\n[UNK]\n[CLS]\n[SEP]\n")]));
        Assert.Equal(0, tokenizer.PadId);
    }

    [Fact]
    public void A_vocabulary_without_the_bert_special_tokens_is_rejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => WordPieceTokenizer.Load(new MemoryStream("[PAD]\n[UNK]\n[CLS]\n"u8.ToArray()), "my/vocab.txt"));
        Assert.Equal("my/vocab.txt: the vocabulary has no [SEP] token; it is not a BERT WordPiece vocabulary", error.Message);
    }

    [Fact]
    public void Longest_match_first_prefers_the_longer_piece()
    {
        // ids: [PAD]0 [UNK]1 [CLS]2 [SEP]3 a4 ab5 ##c6 ##bc7 → "abc" is ab ##c, not a ##bc
        var tokenizer = Load("[PAD]\n[UNK]\n[CLS]\n[SEP]\na\nab\n##c\n##bc\n");
        Assert.Equal([2, 5, 6, 3], tokenizer.Encode("abc", 16));
    }
}
