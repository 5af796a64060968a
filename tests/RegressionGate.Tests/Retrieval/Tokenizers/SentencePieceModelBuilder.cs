using RegressionGate.Retrieval.Tokenizers;
using RegressionGate.Tests.Retrieval.Protobuf;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// Builds a SentencePiece <c>ModelProto</c> as bytes: pieces (field 1: piece 1, score 2, type 3), trainer_spec (field 2:
/// model_type 3, byte_fallback 35, unk/bos/eos/pad ids 40–43) and normalizer_spec (field 3: name 1,
/// precompiled_charsmap 2, add_dummy_prefix 3, remove_extra_whitespaces 4). XLM-R's layout by default: &lt;unk&gt; 0,
/// &lt;s&gt; 1, &lt;/s&gt; 2, then the normal pieces; the map is <see cref="CharsMapBuilder.NmtNfkcSample"/> unless set.
/// </summary>
internal sealed class SentencePieceModelBuilder
{
    readonly List<(string Piece, float Score, SentencePieceType Type)> pieces =
    [
        ("<unk>", 0, SentencePieceType.Unknown),
        ("<s>", 0, SentencePieceType.Control),
        ("</s>", 0, SentencePieceType.Control),
    ];

    public SentencePieceAlgorithm Algorithm { get; init; } = SentencePieceAlgorithm.Unigram;
    public string NormalizerName { get; init; } = "nmt_nfkc";
    public bool ByteFallback { get; init; }
    public byte[] CharsMap { get; init; } = CharsMapBuilder.NmtNfkcSample().ToBytes();

    /// <summary>Adds a piece; its SentencePiece id is its position (so fairseq's id is one more).</summary>
    public SentencePieceModelBuilder Add(string piece, float score, SentencePieceType type = SentencePieceType.Normal)
    {
        pieces.Add((piece, score, type));
        return this;
    }

    public IReadOnlyList<(string Piece, float Score, SentencePieceType Type)> Pieces => pieces;

    public byte[] ToBytes()
    {
        var model = new ProtobufWriter();
        foreach (var (piece, score, type) in pieces)
        {
            model.Message(1, p =>
            {
                p.String(1, piece).Float(2, score);
                if (type != SentencePieceType.Normal) p.Varint(3, (int)type);
            });
        }
        model.Message(2, trainer =>
        {
            trainer.Varint(3, (int)Algorithm).Varint(40, 0).Varint(41, 1).Varint(42, 2).Varint(43, -1);
            if (ByteFallback) trainer.Varint(35, 1);
        });
        model.Message(3, normalizer =>
        {
            normalizer.String(1, NormalizerName);
            if (CharsMap.Length > 0) normalizer.Bytes(2, CharsMap);
            normalizer.Varint(3, 1).Varint(4, 1);
        });
        return model.ToArray();
    }

    public SentencePieceTokenizer Build() => SentencePieceTokenizer.LoadXlmRoberta(new MemoryStream(ToBytes()));
}
