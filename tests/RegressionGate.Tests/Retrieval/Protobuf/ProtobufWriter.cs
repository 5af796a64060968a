using System.Buffers.Binary;
using System.Text;

namespace RegressionGate.Tests.Retrieval.Protobuf;

/// <summary>Writes protocol-buffer wire format by hand, so tests can build SentencePiece and ONNX models byte by byte.</summary>
public sealed class ProtobufWriter
{
    readonly MemoryStream bytes = new();

    public ProtobufWriter Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint((ulong)value);
        return this;
    }

    public ProtobufWriter Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
        bytes.Write(buffer);
        return this;
    }

    public ProtobufWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        bytes.Write(value);
        return this;
    }

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Message(int field, Action<ProtobufWriter> write)
    {
        var nested = new ProtobufWriter();
        write(nested);
        return Bytes(field, nested.ToArray());
    }

    /// <summary>A repeated int64 field in packed form.</summary>
    public ProtobufWriter PackedInt64s(int field, params long[] values)
    {
        var packed = new ProtobufWriter();
        foreach (var value in values) packed.WriteVarint((ulong)value);
        return Bytes(field, packed.ToArray());
    }

    public byte[] ToArray() => bytes.ToArray();

    void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            bytes.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.WriteByte((byte)value);
    }
}
