using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionGate.Files;

namespace RegressionGate.Llm.Batches;

/// <summary>
/// The batches a <c>--batch</c> run submitted and has not yet turned into recordings, in one small JSON file per
/// recordings folder (under the cache directory, which is git-ignored: a pending batch belongs to the machine and the key
/// that submitted it). Written atomically after each batch is created and removed once a run has recorded everything, so
/// a run that is interrupted while it waits leaves the file behind, and running the same command again collects those
/// batches instead of submitting their requests twice.
/// </summary>
internal sealed class PendingBatches(string path)
{
    public string Path { get; } = path;

    /// <summary>The file for the recordings in <paramref name="recordingsDirectory"/>, under <paramref name="cacheDirectory"/>.</summary>
    public static PendingBatches For(string cacheDirectory, string recordingsDirectory)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(System.IO.Path.GetFullPath(recordingsDirectory))))[..16];
        return new PendingBatches(System.IO.Path.Combine(cacheDirectory, "batches", $"pending-{hash}.json"));
    }

    /// <summary>What is pending, and where it was sent.</summary>
    /// <param name="Endpoint">The service, as scheme://host[:port]/path (nothing secret).</param>
    public sealed record State(string Recordings, string Endpoint, string Model, IReadOnlyList<Entry> Batches);

    /// <summary>One submitted batch and the recording keys of its requests.</summary>
    public sealed record Entry(string Id, string InputFileId, DateTimeOffset SubmittedAt, IReadOnlyList<string> Keys);

    /// <summary>The pending batches, or null when there are none. A file that cannot be read is an <see cref="LlmBatchException"/>: guessing would risk paying twice.</summary>
    public State? Read()
    {
        if (!File.Exists(Path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
            var root = document.RootElement;
            var batches = Items(root, "batches").Select(b => new Entry(
                Text(b, "id"),
                Text(b, "inputFileId"),
                DateTimeOffset.Parse(Text(b, "submittedAt"), CultureInfo.InvariantCulture),
                Items(b, "keys").Select(k => k.ValueKind == JsonValueKind.String ? k.GetString()! : throw new JsonException("a key is not a string")).ToList())).ToList();
            return new State(Text(root, "recordings"), Text(root, "endpoint"), Text(root, "model"), batches);
        }
        catch (Exception e) when (e is JsonException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new LlmBatchException(
                $"the record of pending batches '{Path}' cannot be read ({ServiceError.Shorten(e.Message)}); if its batches are no longer wanted, " +
                "delete it and run again to submit anew");
        }
    }

    static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"'{name}' is missing or not a string");

    static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw new JsonException($"'{name}' is missing or not an array");

    /// <summary>Replaces the file with <paramref name="state"/>, or removes it when no batch is left.</summary>
    public void Write(State state)
    {
        if (state.Batches.Count == 0)
        {
            Delete();
            return;
        }
        var root = new JsonObject
        {
            ["recordings"] = state.Recordings,
            ["endpoint"] = state.Endpoint,
            ["model"] = state.Model,
            ["batches"] = new JsonArray(state.Batches.Select(b => (JsonNode)new JsonObject
            {
                ["id"] = b.Id,
                ["inputFileId"] = b.InputFileId,
                ["submittedAt"] = b.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["keys"] = new JsonArray(b.Keys.Select(k => (JsonNode)k).ToArray()),
            }).ToArray()),
        };
        AtomicFile.WriteAllText(Path, root.ToJsonString(RecordingJson.Indented) + "\n");
    }

    public void Delete() => File.Delete(Path);
}
