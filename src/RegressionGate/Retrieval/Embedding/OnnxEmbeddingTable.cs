using RegressionGate.Retrieval.Protobuf;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// Finds, in an ONNX model's graph, the word-embedding table that <c>input_ids</c> index into, and its number of rows: the
/// largest vocabulary the model can take. Read from the protobuf without loading any weights.
/// </summary>
/// <remarks>
/// The table is the data input of the <c>Gather</c> whose indices are <c>input_ids</c> (through any <c>Cast</c>/<c>Identity</c>),
/// followed back through <c>DequantizeLinear</c>, <c>Cast</c> and <c>Identity</c> (quantized exports) to an initializer or a
/// <c>Constant</c>. Failing that, an initializer named <c>*word_embeddings*</c> with two dimensions. Null when neither is there.
/// </remarks>
internal static class OnnxEmbeddingTable
{
    const string InputIds = "input_ids";

    sealed record Node(string OpType, List<string> Inputs, List<string> Outputs, List<long>? ConstantDims);

    /// <summary>The table's name and row count, or null when the graph does not reveal it.</summary>
    public static (string Name, long Rows)? Find(ReadOnlySpan<byte> model)
    {
        var initializers = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var nodes = new List<Node>();
        try
        {
            var reader = new ProtobufReader(model);
            while (reader.Next(out var field, out var type))
            {
                if (field == 7 && type == ProtobufReader.WireType.LengthDelimited) ReadGraph(reader.ReadMessage(), initializers, nodes);
                else reader.Skip(type);
            }
        }
        catch (InvalidDataException)
        {
            return null; // ONNX Runtime has accepted the model; a graph this reader cannot follow just goes unchecked
        }

        var indices = new HashSet<string>(StringComparer.Ordinal) { InputIds };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var node in nodes)
            {
                if (node.OpType is "Cast" or "Identity" && node.Inputs.Count > 0 && indices.Contains(node.Inputs[0]))
                    grew |= node.Outputs.Aggregate(false, (added, output) => indices.Add(output) | added);
            }
        }
        var producers = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs) producers.TryAdd(output, node);
        }
        foreach (var gather in nodes.Where(n => n.OpType == "Gather" && n.Inputs.Count == 2 && indices.Contains(n.Inputs[1])))
        {
            var name = gather.Inputs[0];
            for (var hops = 0; hops < 8; hops++)
            {
                if (initializers.TryGetValue(name, out var dims)) return dims.Count == 2 ? (name, dims[0]) : null;
                if (!producers.TryGetValue(name, out var producer)) break;
                if (producer.ConstantDims is { Count: 2 } constant) return (name, constant[0]);
                if (producer.OpType is not ("DequantizeLinear" or "Cast" or "Identity") || producer.Inputs.Count == 0) break;
                name = producer.Inputs[0];
            }
        }
        var named = initializers.FirstOrDefault(i => i.Key.Contains("word_embeddings", StringComparison.Ordinal) && i.Value.Count == 2);
        return named.Key is null ? null : (named.Key, named.Value[0]);
    }

    static void ReadGraph(ProtobufReader graph, Dictionary<string, List<long>> initializers, List<Node> nodes)
    {
        while (graph.Next(out var field, out var type))
        {
            switch (field, type)
            {
                case (1, ProtobufReader.WireType.LengthDelimited):
                    nodes.Add(ReadNode(graph.ReadMessage()));
                    break;
                case (5, ProtobufReader.WireType.LengthDelimited):
                    var (name, dims) = ReadTensorShape(graph.ReadMessage());
                    initializers.TryAdd(name, dims);
                    break;
                default:
                    graph.Skip(type);
                    break;
            }
        }
    }

    static Node ReadNode(ProtobufReader node)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var opType = "";
        List<long>? constant = null;
        while (node.Next(out var field, out var type))
        {
            switch (field, type)
            {
                case (1, ProtobufReader.WireType.LengthDelimited): inputs.Add(node.ReadString()); break;
                case (2, ProtobufReader.WireType.LengthDelimited): outputs.Add(node.ReadString()); break;
                case (4, ProtobufReader.WireType.LengthDelimited): opType = node.ReadString(); break;
                case (5, ProtobufReader.WireType.LengthDelimited): constant ??= ReadAttributeTensor(node.ReadMessage()); break;
                default: node.Skip(type); break;
            }
        }
        return new Node(opType, inputs, outputs, opType == "Constant" ? constant : null);
    }

    /// <summary>The dimensions of an attribute's tensor (<c>AttributeProto.t</c>), as a <c>Constant</c> node carries its value.</summary>
    static List<long>? ReadAttributeTensor(ProtobufReader attribute)
    {
        List<long>? dims = null;
        while (attribute.Next(out var field, out var type))
        {
            if (field == 5 && type == ProtobufReader.WireType.LengthDelimited) dims = ReadTensorShape(attribute.ReadMessage()).Dims;
            else attribute.Skip(type);
        }
        return dims;
    }

    static (string Name, List<long> Dims) ReadTensorShape(ProtobufReader tensor)
    {
        var dims = new List<long>();
        var name = "";
        while (tensor.Next(out var field, out var type))
        {
            switch (field)
            {
                case 1: tensor.ReadInt64s(type, dims); break;
                case 8 when type == ProtobufReader.WireType.LengthDelimited: name = tensor.ReadString(); break;
                default: tensor.Skip(type); break;
            }
        }
        return (name, dims);
    }
}
