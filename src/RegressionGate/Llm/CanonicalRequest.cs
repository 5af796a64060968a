using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using RegressionGate.ModelCalls;

namespace RegressionGate.Llm;

/// <summary>
/// A chat request reduced to what decides its answer, as canonical JSON with a fixed property order, and its
/// recording key: the SHA-256 (lowercase hex) of that JSON's UTF-8 bytes. It holds the model or deployment, the
/// judge prompt version and repeat (from <see cref="ModelRequestProperties"/> in
/// <see cref="ChatOptions.AdditionalProperties"/>), each message's role and text, and the options that change an
/// answer (instructions, temperature, top-p/k, max output tokens, penalties, seed, stop sequences, response format,
/// any other additional properties). Nothing about where or how the model is reached, and so no key.
/// </summary>
internal sealed class CanonicalRequest
{
    CanonicalRequest(JsonObject node)
    {
        Node = node;
        Json = node.ToJsonString(RecordingJson.Compact);
        Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));
    }

    /// <summary>The recording key: 64 lowercase hex digits.</summary>
    public string Key { get; }

    /// <summary>The canonical JSON, compact; <see cref="Key"/> hashes exactly these bytes.</summary>
    public string Json { get; }

    internal JsonObject Node { get; }

    public string Model => (string)Node["model"]!;

    /// <summary>The prompt version the request was tagged with, if any.</summary>
    public string? PromptVersion => (string?)Node["promptVersion"];

    public static CanonicalRequest From(string model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var extra = options?.AdditionalProperties ?? [];
        if (options?.Tools is { Count: > 0 }) throw new NotSupportedException("requests with tools cannot be recorded");

        var node = new JsonObject { ["model"] = options?.ModelId ?? model };
        if (extra.TryGetValue(ModelRequestProperties.PromptVersion, out var version) && version is not null)
            node["promptVersion"] = version.ToString();
        if (extra.TryGetValue(ModelRequestProperties.Repeat, out var repeat) && repeat is not null)
            node["repeat"] = Convert.ToInt32(repeat, System.Globalization.CultureInfo.InvariantCulture);
        node["messages"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
        {
            ["role"] = m.Role.Value,
            ["text"] = m.Text,
        }).ToArray());
        node["options"] = Options(options, extra);
        return new CanonicalRequest(node);
    }

    /// <summary>A request read back from a recording file; its key is recomputed, so an edited request no longer matches its file.</summary>
    internal static CanonicalRequest FromStored(JsonElement request) =>
        new(RecordingJson.Rebuild(request) as JsonObject ?? throw new JsonException("the request is not a JSON object"));

    static JsonObject Options(ChatOptions? options, AdditionalPropertiesDictionary extra)
    {
        var node = new JsonObject();
        if (options is null) return node;
        void Add(string name, JsonNode? value)
        {
            if (value is not null) node[name] = value;
        }
        Add("instructions", options.Instructions);
        Add("temperature", options.Temperature);
        Add("topP", options.TopP);
        Add("topK", options.TopK);
        Add("maxOutputTokens", options.MaxOutputTokens);
        Add("frequencyPenalty", options.FrequencyPenalty);
        Add("presencePenalty", options.PresencePenalty);
        Add("seed", options.Seed);
        if (options.StopSequences is { Count: > 0 } stops) Add("stopSequences", new JsonArray(stops.Select(s => (JsonNode?)s).ToArray()));
        Add("responseFormat", options.ResponseFormat switch
        {
            null => null,
            ChatResponseFormatText => "text",
            ChatResponseFormatJson { Schema: { } schema } => JsonNode.Parse(schema.GetRawText()),
            ChatResponseFormatJson => "json",
            var other => other.GetType().Name,
        });
        var others = extra.Where(p => !IsJudgeTag(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (others.Count > 0)
            node["additional"] = new JsonObject(others.Select(p => KeyValuePair.Create(p.Key, JsonSerializer.SerializeToNode(p.Value))));
        return node;
    }

    internal static bool IsJudgeTag(string name) => name is ModelRequestProperties.PromptVersion or ModelRequestProperties.Repeat;
}
