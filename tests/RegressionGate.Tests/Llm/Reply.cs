using System.Text.Json;

namespace RegressionGate.Tests.Llm;

/// <summary>What the server answers.</summary>
public sealed record Reply(int Status, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public const string Model = "gpt-4o-mini-2024-07-18";

    public static Reply Completion(string content, int promptTokens = 120, int completionTokens = 40) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-loopback",
        @object = "chat.completion",
        created = 1_726_000_000,
        model = Model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
    }), []);

    public static Reply Error(int status, string message, params KeyValuePair<string, string>[] headers) =>
        new(status, JsonSerializer.Serialize(new { error = new { code = status.ToString(System.Globalization.CultureInfo.InvariantCulture), message } }), headers);
}
