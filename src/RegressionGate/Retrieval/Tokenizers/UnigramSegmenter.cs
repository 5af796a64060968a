using System.Buffers;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// SentencePiece's Unigram segmentation: the Viterbi path through every way of covering the text with vocabulary pieces,
/// maximising the sum of the pieces' scores (log-probabilities).
/// </summary>
/// <remarks>
/// As in SentencePiece: a character no single piece covers gets an unknown node scored 10 below the lowest piece score;
/// user-defined pieces score <c>length × highest score − 0.1</c> so they always win; among equal paths the one whose last
/// piece starts earliest (the longer piece) is kept. Path scores are summed in single precision for a SentencePiece model
/// (as its C++ encoder does) and in double precision for a <c>tokenizer.json</c> (as Hugging Face's does): pieces met in a
/// different order round differently, and on such near-ties the two references disagree with each other.
/// </remarks>
internal sealed class UnigramSegmenter : IPieceSegmenter
{
    const double UnknownPenalty = 10;
    const int StackLimit = 512;

    readonly PieceVocabulary vocabulary;
    readonly double[] scores;
    readonly bool[] userDefined;
    readonly double unknownScore;
    readonly double highestScore;
    readonly bool singlePrecision;

    /// <param name="scores">Every id's score, indexed by id.</param>
    /// <param name="userDefined">Which ids are user-defined pieces, or null when none are.</param>
    /// <param name="lowestScore">The lowest score among normal pieces, for the unknown node.</param>
    /// <param name="singlePrecision">Sum path scores in <c>float</c>, as SentencePiece does, rather than <c>double</c>.</param>
    public UnigramSegmenter(PieceVocabulary vocabulary, double[] scores, bool[]? userDefined, double lowestScore, double highestScore, bool singlePrecision)
    {
        this.singlePrecision = singlePrecision;
        this.vocabulary = vocabulary;
        this.scores = scores;
        this.userDefined = userDefined ?? new bool[scores.Length];
        unknownScore = lowestScore - UnknownPenalty;
        this.highestScore = highestScore;
    }

    public void Segment(ReadOnlySpan<char> text, List<int> ids)
    {
        if (text.IsEmpty) return;
        var n = text.Length;
        double[]? rentedScores = null;
        int[]? rentedFrom = null, rentedIds = null;
        var best = n < StackLimit ? stackalloc double[n + 1] : (rentedScores = ArrayPool<double>.Shared.Rent(n + 1)).AsSpan(0, n + 1);
        // from[end]: where the best path's last piece ends at `end` starts (−1: not reached yet); piece[end]: its id (−1: unknown).
        var from = n < StackLimit ? stackalloc int[n + 1] : (rentedFrom = ArrayPool<int>.Shared.Rent(n + 1)).AsSpan(0, n + 1);
        var piece = n < StackLimit ? stackalloc int[n + 1] : (rentedIds = ArrayPool<int>.Shared.Rent(n + 1)).AsSpan(0, n + 1);
        try
        {
            from.Fill(-1);
            best[0] = 0;
            for (var start = 0; start < n;)
            {
                var charLength = PieceVocabulary.CharLength(text, start);
                if (from[start] >= 0 || start == 0)
                {
                    var single = false;
                    var last = Math.Min(n, start + vocabulary.LongestPiece);
                    for (var end = start + 1; end <= last; end++)
                    {
                        // Never end between the halves of a surrogate pair.
                        if (end < n && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1])) continue;
                        if (!vocabulary.TryGet(text[start..end], out var id)) continue;
                        var score = userDefined[id] ? PieceVocabulary.CodePoints(text[start..end]) * highestScore - 0.1 : scores[id];
                        Offer(best, from, piece, start, end, Sum(best[start], score), id);
                        if (end - start == charLength) single = true;
                    }
                    if (!single) Offer(best, from, piece, start, start + charLength, Sum(best[start], unknownScore), -1);
                }
                start += charLength;
            }
            Backtrack(text, from, piece, ids);
        }
        finally
        {
            if (rentedScores is not null) ArrayPool<double>.Shared.Return(rentedScores);
            if (rentedFrom is not null) ArrayPool<int>.Shared.Return(rentedFrom);
            if (rentedIds is not null) ArrayPool<int>.Shared.Return(rentedIds);
        }
    }

    /// <summary>Keeps the candidate only when strictly better: on a tie the earlier start (found first) stays.</summary>
    double Sum(double path, double score) => singlePrecision ? (float)path + (float)score : path + score;

    static void Offer(Span<double> best, Span<int> from, Span<int> piece, int start, int end, double score, int id)
    {
        if (from[end] >= 0 && score <= best[end]) return;
        best[end] = score;
        from[end] = start;
        piece[end] = id;
    }

    /// <summary>Walks the best path back from the end, then appends its pieces front to back.</summary>
    void Backtrack(ReadOnlySpan<char> text, ReadOnlySpan<int> from, ReadOnlySpan<int> piece, List<int> ids)
    {
        var count = 0;
        for (var end = text.Length; end > 0; end = from[end]) count++;
        int[]? rented = null;
        var ends = count <= StackLimit ? stackalloc int[count] : (rented = ArrayPool<int>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            var slot = count;
            for (var end = text.Length; end > 0; end = from[end]) ends[--slot] = end;
            foreach (var end in ends)
            {
                var id = piece[end];
                if (id >= 0) ids.Add(id);
                else vocabulary.AppendUnknown(text[from[end]..end], ids);
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }
}
