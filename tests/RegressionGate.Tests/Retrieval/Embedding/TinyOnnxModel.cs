using System.Numerics.Tensors;
using RegressionGate.Tests.Retrieval.Protobuf;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>
/// A real ONNX model, small enough to reason about by hand: each token's state is its row of a word-embedding table
/// (<c>embeddings.word_embeddings.weight</c>, <see cref="Rows"/> × 4), plus, when the model declares <c>token_type_ids</c>,
/// that type's row of a second table (zeros for type 0, large numbers for type 1, so a wrong type shows). Written byte by
/// byte as an ONNX <c>ModelProto</c> (IR 7, opset 13) for ONNX Runtime to load.
/// </summary>
public sealed record TinyOnnxModel(int Rows)
{
    public const int Dimensions = 4;

    /// <summary>What the graph outputs.</summary>
    public enum Outputs
    {
        /// <summary><c>last_hidden_state</c> [batch, tokens, 4], as an E5 export.</summary>
        LastHiddenState,
        /// <summary><c>token_embeddings</c> and <c>sentence_embedding</c> (the mean over all tokens, padding included), as a Sentence-Transformers export.</summary>
        TokenAndSentence,
        /// <summary>Only <c>sentence_embedding</c>: the element-wise maximum over tokens, so using it differs visibly from mean pooling.</summary>
        SentenceOnly,
    }

    public Outputs Output { get; init; } = Outputs.LastHiddenState;
    public bool TokenTypeIds { get; init; }

    /// <summary>
    /// Hide the table from graph inspection: an unremarkable name, multiplied by one before the Gather, so the gate must
    /// probe the model with its highest token id instead.
    /// </summary>
    public bool HiddenTable { get; init; }

    string Table => HiddenTable ? "w" : "embeddings.word_embeddings.weight";

    /// <summary>Row <paramref name="id"/> of the word-embedding table.</summary>
    public static float[] Row(int id) => [id + 1, id % 5 - 2, 1, (id * 7 % 3) - 1];

    /// <summary>What mean pooling over the attention mask gives for these ids, unit length.</summary>
    public static float[] MeanPooled(params int[] ids)
    {
        var sum = new float[Dimensions];
        foreach (var id in ids) TensorPrimitives.Add(sum, Row(id), sum);
        TensorPrimitives.Divide(sum, TensorPrimitives.Norm(sum), sum);
        return sum;
    }

    /// <summary>The element-wise maximum of the ids' rows, unit length (what <see cref="Outputs.SentenceOnly"/> yields).</summary>
    public static float[] MaxPooled(params int[] ids)
    {
        var max = Row(ids[0]);
        foreach (var id in ids.Skip(1)) TensorPrimitives.Max(max, Row(id), max);
        TensorPrimitives.Divide(max, TensorPrimitives.Norm(max), max);
        return max;
    }

    public byte[] ToBytes() => new ProtobufWriter()
        .Varint(1, 7) // ir_version
        .Message(8, opset => opset.String(1, "").Varint(2, 13))
        .Message(7, Graph)
        .ToArray();

    public void WriteTo(string path) => File.WriteAllBytes(path, ToBytes());

    void Graph(ProtobufWriter graph)
    {
        if (HiddenTable) graph.Message(1, node => Node(node, "Mul", [Table, "one"], ["scaled"]));
        graph.Message(1, node => Node(node, "Gather", [HiddenTable ? "scaled" : Table, "input_ids"], ["words"]));
        var hidden = "words";
        if (TokenTypeIds)
        {
            graph.Message(1, node => Node(node, "Gather", ["token_type_embeddings", "token_type_ids"], ["types"]));
            graph.Message(1, node => Node(node, "Add", ["words", "types"], ["hidden"]));
            hidden = "hidden";
        }
        switch (Output)
        {
            case Outputs.LastHiddenState:
                graph.Message(1, node => Node(node, "Identity", [hidden], ["last_hidden_state"]));
                break;
            case Outputs.TokenAndSentence:
                graph.Message(1, node => Node(node, "Identity", [hidden], ["token_embeddings"]));
                graph.Message(1, node => Reduce(node, "ReduceMean", hidden));
                break;
            case Outputs.SentenceOnly:
                graph.Message(1, node => Reduce(node, "ReduceMax", hidden));
                break;
        }
        graph.String(2, "tiny");
        graph.Message(5, tensor => Tensor(tensor, Table, Rows, Enumerable.Range(0, Rows).SelectMany(Row)));
        if (HiddenTable) graph.Message(5, tensor => tensor.Varint(2, 1).String(8, "one").Bytes(9, BitConverter.GetBytes(1f))); // scalar 1.0
        if (TokenTypeIds) graph.Message(5, tensor => Tensor(tensor, "token_type_embeddings", 2, [0, 0, 0, 0, 100, -100, 100, -100]));
        graph.Message(11, input => Value(input, "input_ids", 7, "batch", "tokens"));
        graph.Message(11, input => Value(input, "attention_mask", 7, "batch", "tokens"));
        if (TokenTypeIds) graph.Message(11, input => Value(input, "token_type_ids", 7, "batch", "tokens"));
        if (Output != Outputs.SentenceOnly)
            graph.Message(12, output => Value(output, Output == Outputs.LastHiddenState ? "last_hidden_state" : "token_embeddings", 1, "batch", "tokens", Dimensions));
        if (Output != Outputs.LastHiddenState) graph.Message(12, output => Value(output, "sentence_embedding", 1, "batch", Dimensions));
    }

    static void Node(ProtobufWriter node, string op, string[] inputs, string[] outputs)
    {
        foreach (var input in inputs) node.String(1, input);
        foreach (var output in outputs) node.String(2, output);
        node.String(4, op);
    }

    static void Reduce(ProtobufWriter node, string op, string input)
    {
        Node(node, op, [input], ["sentence_embedding"]);
        node.Message(5, attribute => attribute.String(1, "axes").Varint(20, 7).Varint(8, 1)); // INTS [1]
        node.Message(5, attribute => attribute.String(1, "keepdims").Varint(20, 2).Varint(3, 0)); // INT 0
    }

    static void Tensor(ProtobufWriter tensor, string name, int rows, IEnumerable<float> values)
    {
        var data = values.ToArray();
        tensor.Varint(1, rows).Varint(1, Dimensions).Varint(2, 1).String(8, name); // dims, FLOAT
        tensor.Bytes(9, System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
    }

    /// <summary>A ValueInfoProto: name, tensor type (7 int64, 1 float) and shape, symbolic (string) or fixed (int) per dimension.</summary>
    static void Value(ProtobufWriter value, string name, int elementType, params object[] shape)
    {
        value.String(1, name);
        value.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Varint(1, elementType);
            tensor.Message(2, dims =>
            {
                foreach (var dim in shape)
                {
                    dims.Message(1, d =>
                    {
                        if (dim is int size) d.Varint(1, size);
                        else d.String(2, (string)dim);
                    });
                }
            });
        }));
    }
}
