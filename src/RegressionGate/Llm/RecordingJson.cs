using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RegressionGate.Llm;

/// <summary>The one JSON style for keys and recording files: readable Portuguese (no \u escapes for accents), LF.</summary>
internal static class RecordingJson
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>
    /// Rebuilds a parsed value so strings are re-encoded exactly as freshly built nodes are (numbers keep their text),
    /// which makes a request read back from a file serialise, and hash, like the request that was written.
    /// </summary>
    public static JsonNode? Rebuild(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JsonObject(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Rebuild(p.Value)))),
        JsonValueKind.Array => new JsonArray(element.EnumerateArray().Select(Rebuild).ToArray()),
        JsonValueKind.String => JsonValue.Create(element.GetString()),
        JsonValueKind.Null => null,
        _ => JsonNode.Parse(element.GetRawText()),
    };
}
