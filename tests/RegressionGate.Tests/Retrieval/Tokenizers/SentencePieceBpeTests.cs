using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// A SentencePiece BPE model (<c>model_type = BPE</c>): start from characters, repeatedly merge the adjacent pair that forms
/// the highest-scoring piece, the leftmost on a tie. Ids are SentencePiece's + 1 (fairseq), as for any sentencepiece.bpe.model.
/// </summary>
public class SentencePieceBpeTests
{
    const int Begin = 0, End = 2, Unknown = 3;

    static readonly SentencePieceTokenizer Tokenizer = new SentencePieceModelBuilder { Algorithm = SentencePieceAlgorithm.Bpe }
        .Add("▁", -10)    // 4
        .Add("a", -10)    // 5
        .Add("b", -10)    // 6
        .Add("c", -10)    // 7
        .Add("ab", -0.5f) // 8
        .Add("▁a", -1)    // 9
        .Add("▁ab", -3)   // 10
        .Add("bc", -2)    // 11
        .Add("aa", -1)    // 12
        .Build();

    [Fact]
    public void The_highest_scoring_pair_merges_first()
    {
        // ▁ a b c: pairs ▁a −1, ab −0.5, bc −2 → ab first: ▁ [ab] c. Then ▁ab −3 (abc is no piece) → [▁ab] c.
        // Merging ▁a first would have left ▁a bc instead.
        Assert.Equal([Begin, 10, 7, End], Tokenizer.Encode("abc", 16));
    }

    [Fact]
    public void On_a_tie_the_leftmost_pair_merges_first()
    {
        // ▁ a a: ▁a −1 and aa −1 tie; the leftmost (▁a) merges, leaving ▁a a (▁aa is no piece). aa first would give ▁ aa.
        Assert.Equal([Begin, 9, 5, End], Tokenizer.Encode("aa", 16));
    }

    [Fact]
    public void A_symbol_outside_the_vocabulary_is_unknown_and_runs_of_them_fuse()
    {
        // ▁ x y c: x and y are no pieces and cannot merge; side by side they become one <unk>.
        Assert.Equal([Begin, 4, Unknown, 7, End], Tokenizer.Encode("xyc", 16));
    }
}
