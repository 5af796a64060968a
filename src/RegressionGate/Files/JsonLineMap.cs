using System.Text.Json;

namespace RegressionGate.Files;

/// <summary>
/// Maps each property path of a multi-line JSON document (<c>tolerances.rboMin</c>) to the lines it stands on,
/// because <see cref="JsonDocument"/> forgets positions and a settings error should point at its line.
/// </summary>
internal sealed class JsonLineMap
{
    readonly Dictionary<string, List<int>> lines = new(StringComparer.Ordinal);

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<string>();
        string? pendingProperty = null;
        long scannedTo = 0;
        var line = 1;
        while (reader.Read())
        {
            var start = reader.TokenStartIndex;
            line += utf8[(int)scannedTo..(int)start].Count((byte)'\n');
            scannedTo = start;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    var full = string.Join('.', path.Reverse().Where(p => p.Length > 0).Append(pendingProperty));
                    if (!map.lines.TryGetValue(full, out var seen)) map.lines[full] = seen = [];
                    seen.Add(line);
                    break;
                case JsonTokenType.StartObject when pendingProperty is not null:
                    path.Push(pendingProperty);
                    pendingProperty = null;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Push(pendingProperty ?? "");
                    pendingProperty = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (path.Count > 0) path.Pop();
                    break;
                default:
                    pendingProperty = null;
                    break;
            }
        }
        return map;
    }

    /// <summary>The line of the field (its first, where the path stands more than once), or of its nearest enclosing field that exists in the file.</summary>
    public int? LineOf(string path)
    {
        for (var candidate = path; candidate.Length > 0;)
        {
            if (lines.TryGetValue(candidate, out var found)) return found[0];
            var dot = candidate.LastIndexOf('.');
            candidate = dot < 0 ? "" : candidate[..dot];
        }
        return null;
    }

    /// <summary>Every line the field stands on, in file order; empty when it is not in the file.</summary>
    public IReadOnlyList<int> LinesOf(string path) => lines.TryGetValue(path, out var found) ? found : [];
}
