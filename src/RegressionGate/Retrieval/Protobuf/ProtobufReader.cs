using System.Buffers.Binary;
using System.Text;

namespace RegressionGate.Retrieval.Protobuf;

/// <summary>
/// Reads protocol-buffer wire format field by field, without a schema or generated code: enough for the few fields the
/// gate needs from a SentencePiece <c>ModelProto</c> and an ONNX <c>ModelProto</c>. Length-delimited fields are slices of
/// the input, so skipping a 90 MB weight tensor costs nothing.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    readonly ReadOnlySpan<byte> data = data;
    int position;

    /// <summary>The wire types of protocol buffers (groups, 3 and 4, are obsolete and rejected).</summary>
    public enum WireType
    {
        Varint = 0,
        Fixed64 = 1,
        LengthDelimited = 2,
        Fixed32 = 5,
    }

    public readonly bool End => position >= data.Length;

    /// <summary>Reads the next field's tag; false at the end of the message.</summary>
    public bool Next(out int field, out WireType type)
    {
        if (End)
        {
            field = 0;
            type = default;
            return false;
        }
        var tag = ReadVarint();
        field = checked((int)(tag >> 3));
        type = (WireType)(tag & 7);
        if (field == 0 || type is not (WireType.Varint or WireType.Fixed64 or WireType.LengthDelimited or WireType.Fixed32))
            throw new InvalidDataException($"invalid protobuf tag {tag} at byte {position}");
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length) throw Truncated();
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException($"protobuf varint longer than 10 bytes at byte {position}");
    }

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - position)) throw Truncated();
        return Take((int)length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>A nested message, read by its own reader.</summary>
    public ProtobufReader ReadMessage() => new(ReadBytes());

    /// <summary>A repeated int64 field: packed (one length-delimited run) or one varint per occurrence.</summary>
    public void ReadInt64s(WireType type, List<long> into)
    {
        if (type == WireType.Varint)
        {
            into.Add((long)ReadVarint());
            return;
        }
        var packed = new ProtobufReader(ReadBytes());
        while (!packed.End) into.Add((long)packed.ReadVarint());
    }

    public void Skip(WireType type)
    {
        switch (type)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8); break;
            case WireType.Fixed32: Take(4); break;
            case WireType.LengthDelimited: ReadBytes(); break;
        }
    }

    ReadOnlySpan<byte> Take(int length)
    {
        if (length > data.Length - position) throw Truncated();
        var slice = data.Slice(position, length);
        position += length;
        return slice;
    }

    readonly InvalidDataException Truncated() => new($"protobuf message truncated at byte {position} of {data.Length}");
}
