using System.Text.Json;

namespace RegressionGate.Tests.Llm;

/// <summary>A request as the server saw it.</summary>
public sealed record ObservedRequest(
    int Number,
    string Method,
    string Path,
    string ApiVersion,
    string ApiKeyHeader,
    string AuthorizationHeader,
    string Body,
    CancellationToken Aborted,
    string Query = "")
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The text of the message with <paramref name="role"/>.</summary>
    public string Message(string role) => Json.GetProperty("messages").EnumerateArray()
        .Single(m => m.GetProperty("role").GetString() == role).GetProperty("content").GetString()!;
}
