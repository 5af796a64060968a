using System.Text.Json;

namespace RegressionGate.Llm;

/// <summary>How an endpoint's error reads in our messages: the service's own words, one line, shortened, and what to check.</summary>
internal static class ServiceError
{
    /// <summary>The service's own error message where the body is the usual <c>{"error":{"message":…}}</c>, else the body's start.</summary>
    public static string Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                return Shorten(message.GetString()!);
        }
        catch (JsonException)
        {
        }
        return Shorten(body);
    }

    /// <summary>What to check after an HTTP status that usually means a configuration mistake.</summary>
    public static string Hint(int status) => status switch
    {
        401 or 403 => $" (check {LlmEnvironmentVariables.AzureApiKey} or {LlmEnvironmentVariables.OpenAIApiKey})",
        404 => $" (check {LlmEnvironmentVariables.AzureDeployment} or {LlmEnvironmentVariables.OpenAIModel}, and the endpoint URL)",
        _ => "",
    };

    /// <summary>One line of at most 300 characters.</summary>
    public static string Shorten(string text)
    {
        text = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
