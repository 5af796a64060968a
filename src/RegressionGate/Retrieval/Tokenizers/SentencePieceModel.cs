using RegressionGate.Retrieval.Protobuf;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// The parts of a SentencePiece <c>ModelProto</c> (the <c>.model</c> file) that decide how text is cut: the pieces with
/// their scores and types, the algorithm (<c>trainer_spec.model_type</c>), the reserved ids and the normalizer settings.
/// </summary>
/// <remarks>Read straight from the protobuf wire format; fields the encoder does not need are skipped.</remarks>
internal sealed class SentencePieceModel
{
    SentencePieceModel(IReadOnlyList<SentencePiece> pieces, SentencePieceAlgorithm algorithm, bool byteFallback, int unknownId,
        int beginId, int endId, int padId, bool treatWhitespaceAsSuffix, SentencePieceNormalizerSpec normalizer)
    {
        Pieces = pieces;
        Algorithm = algorithm;
        ByteFallback = byteFallback;
        UnknownId = unknownId;
        BeginId = beginId;
        EndId = endId;
        PadId = padId;
        TreatWhitespaceAsSuffix = treatWhitespaceAsSuffix;
        Normalizer = normalizer;
    }

    /// <summary>The vocabulary in id order: a piece's id is its index.</summary>
    public IReadOnlyList<SentencePiece> Pieces { get; }
    public SentencePieceAlgorithm Algorithm { get; }
    /// <summary>Unknown characters become their UTF-8 bytes (<c>&lt;0x41&gt;</c> pieces) instead of the unknown piece.</summary>
    public bool ByteFallback { get; }
    public int UnknownId { get; }
    /// <summary><c>&lt;s&gt;</c>, or −1 when the model has none.</summary>
    public int BeginId { get; }
    /// <summary><c>&lt;/s&gt;</c>, or −1 when the model has none.</summary>
    public int EndId { get; }
    /// <summary><c>&lt;pad&gt;</c>, or −1 when the model has none (XLM-R's has none: fairseq adds it).</summary>
    public int PadId { get; }
    public bool TreatWhitespaceAsSuffix { get; }
    public SentencePieceNormalizerSpec Normalizer { get; }

    /// <summary>Parses a <c>ModelProto</c>; <paramref name="source"/> names the file in errors.</summary>
    public static SentencePieceModel Parse(ReadOnlySpan<byte> bytes, string source)
    {
        try
        {
            return ParseProto(bytes, source);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: not a SentencePiece model ({e.Message})", e);
        }
    }

    static SentencePieceModel ParseProto(ReadOnlySpan<byte> bytes, string source)
    {
        var pieces = new List<SentencePiece>();
        var algorithm = SentencePieceAlgorithm.Unigram;
        bool byteFallback = false, suffix = false;
        int unknownId = 0, beginId = 1, endId = 2, padId = -1;
        var normalizer = new SentencePieceNormalizerSpec();
        var reader = new ProtobufReader(bytes);
        while (reader.Next(out var field, out var type))
        {
            switch (field, type)
            {
                case (1, ProtobufReader.WireType.LengthDelimited):
                    pieces.Add(ReadPiece(reader.ReadMessage()));
                    break;
                case (2, ProtobufReader.WireType.LengthDelimited):
                    var trainer = reader.ReadMessage();
                    while (trainer.Next(out var f, out var t))
                    {
                        switch (f, t)
                        {
                            case (3, ProtobufReader.WireType.Varint): algorithm = (SentencePieceAlgorithm)(int)trainer.ReadVarint(); break;
                            case (24, ProtobufReader.WireType.Varint): suffix = trainer.ReadVarint() != 0; break;
                            case (35, ProtobufReader.WireType.Varint): byteFallback = trainer.ReadVarint() != 0; break;
                            case (40, ProtobufReader.WireType.Varint): unknownId = (int)trainer.ReadVarint(); break;
                            case (41, ProtobufReader.WireType.Varint): beginId = (int)trainer.ReadVarint(); break;
                            case (42, ProtobufReader.WireType.Varint): endId = (int)trainer.ReadVarint(); break;
                            case (43, ProtobufReader.WireType.Varint): padId = (int)trainer.ReadVarint(); break;
                            default: trainer.Skip(t); break;
                        }
                    }
                    break;
                case (3, ProtobufReader.WireType.LengthDelimited):
                    normalizer = ReadNormalizer(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        if (pieces.Count == 0) throw new InvalidDataException("it has no pieces");
        if (!Enum.IsDefined(algorithm)) throw new InvalidDataException($"unknown model_type {(int)algorithm}");
        if (unknownId < 0 || unknownId >= pieces.Count || pieces[unknownId].Type != SentencePieceType.Unknown)
            throw new InvalidDataException($"unk_id {unknownId} is not an unknown piece");
        return new SentencePieceModel(pieces, algorithm, byteFallback, unknownId, IdOrNone(beginId, pieces), IdOrNone(endId, pieces),
            IdOrNone(padId, pieces), suffix, normalizer);
    }

    // int32 −1 arrives as a ten-byte varint; the cast above folds it back to −1.
    static int IdOrNone(int id, List<SentencePiece> pieces) => id >= 0 && id < pieces.Count ? id : -1;

    static SentencePiece ReadPiece(ProtobufReader reader)
    {
        string piece = "";
        float score = 0;
        var type = SentencePieceType.Normal;
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, ProtobufReader.WireType.LengthDelimited): piece = reader.ReadString(); break;
                case (2, ProtobufReader.WireType.Fixed32): score = reader.ReadFloat(); break;
                case (3, ProtobufReader.WireType.Varint): type = (SentencePieceType)(int)reader.ReadVarint(); break;
                default: reader.Skip(wire); break;
            }
        }
        if (piece.Length == 0) throw new InvalidDataException("a piece is empty");
        return new SentencePiece(piece, score, type);
    }

    static SentencePieceNormalizerSpec ReadNormalizer(ProtobufReader reader)
    {
        var spec = new SentencePieceNormalizerSpec();
        while (reader.Next(out var field, out var wire))
        {
            spec = (field, wire) switch
            {
                (2, ProtobufReader.WireType.LengthDelimited) => spec with { PrecompiledCharsMap = reader.ReadBytes().ToArray() },
                (3, ProtobufReader.WireType.Varint) => spec with { AddDummyPrefix = reader.ReadVarint() != 0 },
                (4, ProtobufReader.WireType.Varint) => spec with { RemoveExtraWhitespaces = reader.ReadVarint() != 0 },
                (5, ProtobufReader.WireType.Varint) => spec with { EscapeWhitespaces = reader.ReadVarint() != 0 },
                _ => Skipped(ref reader, wire, spec),
            };
        }
        return spec;
    }

    static SentencePieceNormalizerSpec Skipped(ref ProtobufReader reader, ProtobufReader.WireType wire, SentencePieceNormalizerSpec spec)
    {
        reader.Skip(wire);
        return spec;
    }
}
