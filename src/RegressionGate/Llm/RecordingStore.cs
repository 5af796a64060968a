using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using RegressionGate.Files;

namespace RegressionGate.Llm;

/// <summary>
/// The <c>recordings/</c> folder: one JSON file per request, named <c>{key}.json</c>, written atomically.
/// A file holds the key, the canonical request, the response (text, model, finish reason, token usage), the UTC time
/// and the provenance; never a credential. Reading checks that the request still hashes to the file's name.
/// </summary>
internal sealed class RecordingStore
{
    public RecordingStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    int reads;

    /// <summary>How many times <see cref="TryRead"/> went to the disk, found or not: a client in front of another reads each request's recording once.</summary>
    internal int Reads => Volatile.Read(ref reads);

    public string PathFor(string key) => Path.Combine(Directory, key + ".json");

    /// <summary>The keys of every recording in the folder (temp files of interrupted writes excluded), sorted.</summary>
    public IReadOnlyList<string> Keys() => !System.IO.Directory.Exists(Directory)
        ? []
        : System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(IsKey)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The recording for <paramref name="key"/>, or <c>null</c> when there is none; a damaged file throws <see cref="InputFileException"/>.</summary>
    public Recording? TryRead(string key)
    {
        var path = PathFor(key);
        Interlocked.Increment(ref reads);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        return Parse(bytes, key, DisplayName(key));
    }

    /// <summary>Writes (or replaces) a recording atomically.</summary>
    public void Write(Recording recording) => AtomicFile.WriteAllText(PathFor(recording.Key), Serialise(recording));

    /// <summary>
    /// Writes a hand-written response for a request, with provenance saying so, and returns it. Only a rewrite that
    /// changes the file touches it; pass <paramref name="at"/> to keep the file stable between runs of a generator.
    /// </summary>
    public Recording WriteAuthored(
        string model,
        IEnumerable<ChatMessage> messages,
        ChatOptions? options,
        string responseText,
        string note,
        TokenUsage? usage = null,
        DateTimeOffset? at = null)
    {
        var recording = new Recording(
            CanonicalRequest.From(model, messages, options),
            responseText,
            model,
            "stop",
            usage,
            (at ?? DateTimeOffset.UtcNow).ToUniversalTime(),
            RecordingProvenance.Authored(note));
        AtomicFile.WriteIfChanged(PathFor(recording.Key), Serialise(recording));
        return recording;
    }

    internal static string Serialise(Recording recording)
    {
        var usage = recording.Usage is { } u
            ? new JsonObject { ["input"] = u.Input, ["output"] = u.Output, ["total"] = u.Total }
            : null;
        var root = new JsonObject
        {
            ["key"] = recording.Key,
            ["request"] = recording.Request.Node.DeepClone(),
            ["response"] = new JsonObject
            {
                ["text"] = recording.ResponseText,
                ["model"] = recording.Model,
                ["finishReason"] = recording.FinishReason,
                ["usage"] = usage,
            },
            ["recordedAt"] = recording.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["provenance"] = new JsonObject(recording.Provenance.Fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))),
        };
        return root.ToJsonString(RecordingJson.Indented) + "\n";
    }

    internal static Recording Parse(byte[] bytes, string key, string displayName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new InputFileException(displayName, (int?)e.LineNumber + 1, null, $"malformed JSON: {e.Message.Split(". ")[0]}");
        }
        using (document)
        {
            var map = JsonLineMap.Build(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputFileException(displayName, 1, null, "expected a JSON object");
            var fields = new JsonFields(root, displayName, map.LineOf);

            var storedKey = fields.RequiredString("key");
            if (storedKey != key) throw fields.Error("key", $"is '{storedKey}' but the file is named for '{key}'");
            if (!root.TryGetProperty("request", out var requestElement) || requestElement.ValueKind != JsonValueKind.Object)
                throw fields.Error("request", "is missing or not an object");
            var request = CanonicalRequest.FromStored(requestElement);
            if (request.Key != key)
            {
                throw fields.Error("request", $"hashes to '{request.Key}', not to the file's key '{key}': the request was edited after it was " +
                    "recorded. Record it again, or write hand-made recordings with RecordingStore.WriteAuthored");
            }

            var response = fields.Object("response");
            var usage = response.Object("usage");
            var provenance = root.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object
                ? p.EnumerateObject().Select(f => KeyValuePair.Create(f.Name, f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString()! : f.Value.GetRawText())).ToList()
                : throw fields.Error("provenance", "is missing or not an object");
            if (provenance.Count == 0 || provenance[0].Key != "source") throw fields.Error("provenance", "must begin with 'source'");

            var recordedAtText = fields.RequiredString("recordedAt");
            if (!DateTimeOffset.TryParse(recordedAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var recordedAt))
                throw fields.Error("recordedAt", $"'{recordedAtText}' is not an ISO-8601 time");

            return new Recording(
                request,
                response.RequiredString("text", allowEmpty: true),
                response.OptionalString("model"),
                response.OptionalString("finishReason"),
                response.Has("usage") ? new TokenUsage(Long(usage, "input"), Long(usage, "output"), Long(usage, "total")) : null,
                recordedAt,
                new RecordingProvenance(provenance));
        }
    }

    static long? Long(JsonFields fields, string name) => fields.Has(name) ? fields.OptionalInt(name, 0, 0) : null;

    string DisplayName(string key) => $"{Path.GetFileName(Directory)}/{key}.json";

    static bool IsKey(string name) => name.Length == 64 && name.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
