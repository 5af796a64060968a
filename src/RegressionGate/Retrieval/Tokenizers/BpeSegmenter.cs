namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// SentencePiece's BPE segmentation: start from single characters and keep merging the adjacent pair whose concatenation
/// is the highest-scoring piece (the leftmost pair on a tie) until no pair is a piece.
/// </summary>
/// <remarks>
/// What remains that is not a piece becomes unknown (or bytes under byte fallback). Unlike SentencePiece, pairs are never
/// merged into an unused piece, so there is nothing to re-split afterwards; the result is the same unless a model marks
/// merge products unused.
/// </remarks>
internal sealed class BpeSegmenter(PieceVocabulary vocabulary, double[] scores) : IPieceSegmenter
{
    public void Segment(ReadOnlySpan<char> text, List<int> ids)
    {
        if (text.IsEmpty) return;
        // Symbols are spans [start, start + length) linked left to right; a merged-away symbol has length 0.
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i += PieceVocabulary.CharLength(text, i)) starts.Add(i);
        var count = starts.Count;
        var start = starts.ToArray();
        var length = new int[count];
        var previous = new int[count];
        var next = new int[count];
        for (var s = 0; s < count; s++)
        {
            length[s] = (s + 1 < count ? start[s + 1] : text.Length) - start[s];
            previous[s] = s - 1;
            next[s] = s + 1 < count ? s + 1 : -1;
        }

        // Highest score first, then leftmost; an entry is stale once either side changed length.
        var agenda = new PriorityQueue<(int Left, int Right, int LeftLength, int RightLength), (double Score, int Left)>(
            Comparer<(double Score, int Left)>.Create((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Left.CompareTo(b.Left)));
        void Consider(int left, int right, ReadOnlySpan<char> all)
        {
            if (left < 0 || right < 0) return;
            if (vocabulary.TryGet(all.Slice(start[left], length[left] + length[right]), out var id))
                agenda.Enqueue((left, right, length[left], length[right]), (scores[id], left));
        }
        for (var s = 0; s + 1 < count; s++) Consider(s, s + 1, text);

        while (agenda.TryDequeue(out var pair, out _))
        {
            var (left, right, leftLength, rightLength) = pair;
            if (length[left] != leftLength || length[right] != rightLength || next[left] != right) continue;
            length[left] += length[right];
            length[right] = 0;
            next[left] = next[right];
            if (next[right] >= 0) previous[next[right]] = left;
            Consider(previous[left], left, text);
            Consider(left, next[left], text);
        }

        for (var s = 0; s >= 0; s = next[s])
        {
            var symbol = text.Slice(start[s], length[s]);
            if (vocabulary.TryGet(symbol, out var id)) ids.Add(id);
            else vocabulary.AppendUnknown(symbol, ids);
        }
    }
}
