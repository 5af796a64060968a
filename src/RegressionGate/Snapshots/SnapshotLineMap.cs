using System.Text.Json;

namespace RegressionGate.Snapshots;

/// <summary>
/// The line of every value in a snapshot, addressed by path with array indices (<c>ranking[3].score</c>),
/// so an error in a hand-edited snapshot points at its line.
/// </summary>
internal sealed class SnapshotLineMap
{
    readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
    }

    /// <summary>Maps <paramref name="utf8"/>, which must already be known to parse.</summary>
    public static SnapshotLineMap Build(ReadOnlySpan<byte> utf8)
    {
        var map = new SnapshotLineMap();
        var reader = new Utf8JsonReader(utf8);
        var frames = new Stack<Frame>();
        string? property = null;
        var scannedTo = 0;
        var line = 1;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += utf8[scannedTo..start].Count((byte)'\n');
            scannedTo = start;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = Join(frames.Count == 0 ? "" : frames.Peek().Path, reader.GetString()!);
                map.lines.TryAdd(property, line);
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }
            var path = property ?? ElementPath(frames);
            property = null;
            map.lines.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
        }
        return map;
    }

    static string ElementPath(Stack<Frame> frames)
    {
        if (frames.Count == 0 || !frames.Peek().IsArray) return "";
        var array = frames.Peek();
        return $"{array.Path}[{array.NextIndex++}]";
    }

    static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest enclosing value.</summary>
    public int? LineOf(string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (lines.TryGetValue(candidate, out var line)) return line;
        }
        return lines.TryGetValue("", out var root) ? root : null;
    }

    static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
