namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// A SentencePiece-style tokenizer as multilingual E5 (XLM-RoBERTa) uses it: normalize, write spaces as ▁, cut into
/// Unigram (or BPE) pieces, wrap in <c>&lt;s&gt; … &lt;/s&gt;</c>.
/// </summary>
/// <remarks>
/// Loaded from a SentencePiece <c>sentencepiece.bpe.model</c> (<see cref="LoadXlmRoberta"/>) with fairseq's ids, or from a
/// Hugging Face Unigram <c>tokenizer.json</c> (<see cref="UnigramTokenizerJson"/>) with the ids it lists. Text that merely
/// looks like a special token (<c>"&lt;/s&gt;"</c>) is cut as text, so a transcript cannot inject one. Immutable and thread-safe.
/// </remarks>
internal sealed class SentencePieceTokenizer : ITokenizer
{
    /// <summary>The SentencePiece model file of an XLM-RoBERTa model directory (a Unigram model, whatever its name says).</summary>
    public const string ModelFileName = "sentencepiece.bpe.model";

    /// <summary>fairseq's ids in front of the SentencePiece ones: <c>&lt;s&gt;</c> 0, <c>&lt;pad&gt;</c> 1, <c>&lt;/s&gt;</c> 2, <c>&lt;unk&gt;</c> 3.</summary>
    const int FairseqOffset = 1;

    readonly Func<string, string> prepare;
    readonly bool cutAtSpaces;
    readonly IPieceSegmenter segmenter;
    readonly int[]? idMap;
    readonly int segmenterUnknownId;

    /// <param name="prepare">Normalizes text and writes spaces as ▁ (and any ▁ prefix).</param>
    /// <param name="cutAtSpaces">Segment word by word, each word starting at a ▁: exact when no piece has ▁ inside.</param>
    /// <param name="idMap">Segmenter ids to model ids, or null when they are the same.</param>
    internal SentencePieceTokenizer(Func<string, string> prepare, bool cutAtSpaces, IPieceSegmenter segmenter, int segmenterUnknownId,
        int[]? idMap, int beginId, int endId, int padId, int unknownId, int vocabularySize)
    {
        this.prepare = prepare;
        this.cutAtSpaces = cutAtSpaces;
        this.segmenter = segmenter;
        this.segmenterUnknownId = segmenterUnknownId;
        this.idMap = idMap;
        BeginId = beginId;
        EndId = endId;
        PadId = padId;
        UnknownId = unknownId;
        VocabularySize = vocabularySize;
    }

    public int BeginId { get; }
    public int EndId { get; }
    public int PadId { get; }
    public int UnknownId { get; }
    public int VocabularySize { get; }

    /// <summary>
    /// Reads an XLM-RoBERTa <c>sentencepiece.bpe.model</c> and numbers its pieces as fairseq and Hugging Face do:
    /// <c>&lt;s&gt;</c> 0, <c>&lt;pad&gt;</c> 1, <c>&lt;/s&gt;</c> 2, <c>&lt;unk&gt;</c> 3, every other piece its SentencePiece id + 1,
    /// and <c>&lt;mask&gt;</c> last, so the vocabulary has pieces + 2 ids.
    /// </summary>
    public static SentencePieceTokenizer LoadXlmRoberta(Stream model, string source = ModelFileName)
    {
        using var buffer = new MemoryStream();
        model.CopyTo(buffer);
        var proto = SentencePieceModel.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source);
        return FromXlmRoberta(proto, source);
    }

    /// <param name="singlePrecision">Sum Unigram path scores in <c>float</c> as SentencePiece does; false only to compare with double-precision implementations.</param>
    internal static SentencePieceTokenizer FromXlmRoberta(SentencePieceModel model, string source, bool singlePrecision = true)
    {
        var pieces = model.Pieces;
        if (model.UnknownId != 0 || model.BeginId != 1 || model.EndId != 2
            || pieces[1] is not { Piece: "<s>", Type: SentencePieceType.Control } || pieces[2] is not { Piece: "</s>", Type: SentencePieceType.Control })
        {
            throw new InvalidDataException(
                $"{source}: the pieces are not laid out as XLM-RoBERTa's (<unk> 0, <s> 1, </s> 2), so fairseq's ids cannot be applied");
        }
        var map = new int[pieces.Count];
        for (var id = 0; id < map.Length; id++) map[id] = id + FairseqOffset;
        map[0] = 3; // <unk>
        map[1] = 0; // <s>
        map[2] = 2; // </s>
        var normalizer = new SentencePieceNormalizer(model.Normalizer, model.TreatWhitespaceAsSuffix,
            pieces.Where(p => p.Type == SentencePieceType.UserDefined).Select(p => p.Piece), source);
        var segmenter = CreateSegmenter(model, source, singlePrecision);
        return new SentencePieceTokenizer(normalizer.Normalize, CanCutAtSpaces(pieces.Select(p => p.Piece)) && !model.TreatWhitespaceAsSuffix,
            segmenter, model.UnknownId, map, beginId: 0, endId: 2, padId: 1, unknownId: 3, vocabularySize: pieces.Count + FairseqOffset + 1);
    }

    static IPieceSegmenter CreateSegmenter(SentencePieceModel model, string source, bool singlePrecision)
    {
        var pieces = model.Pieces;
        var matchable = new List<(string, int)>();
        var bytes = new List<(string, int)>();
        var scores = new double[pieces.Count];
        var userDefined = new bool[pieces.Count];
        double lowest = double.MaxValue, highest = double.MinValue;
        for (var id = 0; id < pieces.Count; id++)
        {
            var piece = pieces[id];
            scores[id] = piece.Score;
            switch (piece.Type)
            {
                case SentencePieceType.Normal:
                    matchable.Add((piece.Piece, id));
                    lowest = Math.Min(lowest, piece.Score);
                    highest = Math.Max(highest, piece.Score);
                    break;
                case SentencePieceType.UserDefined:
                    matchable.Add((piece.Piece, id));
                    userDefined[id] = true;
                    break;
                case SentencePieceType.Byte:
                    bytes.Add((piece.Piece, id));
                    break;
            }
        }
        if (matchable.Count == 0) throw new InvalidDataException($"{source}: the model has no normal pieces");
        var vocabulary = new PieceVocabulary(matchable, model.UnknownId, model.ByteFallback ? bytes : null);
        return model.Algorithm switch
        {
            SentencePieceAlgorithm.Unigram => new UnigramSegmenter(vocabulary, scores, userDefined, lowest, highest, singlePrecision),
            SentencePieceAlgorithm.Bpe => new BpeSegmenter(vocabulary, scores),
            var other => throw new InvalidDataException($"{source}: model_type {other} is not supported; only Unigram and BPE models are"),
        };
    }

    /// <summary>Words can be cut apart at ▁ when no piece carries ▁ anywhere but at its start.</summary>
    internal static bool CanCutAtSpaces(IEnumerable<string> pieces) =>
        pieces.All(p => p.IndexOf(SentencePieceNormalizer.SpaceSymbol, 1) < 0);

    public int[] Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        var pieces = Pieces(text, maxTokens - 2);
        var ids = new int[pieces.Count + 2];
        ids[0] = BeginId;
        for (var i = 0; i < pieces.Count; i++) ids[i + 1] = ToModelId(pieces[i]);
        ids[^1] = EndId;
        return ids;
    }

    /// <summary>The text as the segmenter sees it: normalized, spaces written as ▁.</summary>
    internal string Normalize(string text) => prepare(text);

    /// <summary>The segmenter's ids for <paramref name="text"/> (no special tokens), at most <paramref name="limit"/> of them.</summary>
    internal List<int> Pieces(string text, int limit = int.MaxValue)
    {
        var prepared = prepare(text).AsSpan();
        var ids = new List<int>();
        if (!cutAtSpaces)
        {
            segmenter.Segment(prepared, ids);
        }
        else
        {
            // Each word starts at a ▁; stop once enough pieces are out (one more, since a fused unknown may take it back).
            while (!prepared.IsEmpty && ids.Count <= limit)
            {
                var next = prepared[1..].IndexOf(SentencePieceNormalizer.SpaceSymbol);
                var word = next < 0 ? prepared : prepared[..(next + 1)];
                segmenter.Segment(word, ids);
                prepared = prepared[word.Length..];
            }
        }
        if (ids.Count > limit) ids.RemoveRange(limit, ids.Count - limit);
        return ids;
    }

    int ToModelId(int id) => id == segmenterUnknownId ? UnknownId : idMap is null ? id : idMap[id];
}
