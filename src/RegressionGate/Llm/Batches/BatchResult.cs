using System.Globalization;
using System.Text.Json;

namespace RegressionGate.Llm.Batches;

/// <summary>One request's outcome in a batch: the chat-completion object it was answered with, or why there is none.</summary>
/// <param name="Completion">The response body (a <c>chat.completion</c> object, as JSON) when the request succeeded.</param>
/// <param name="Error">In words, when it did not.</param>
internal sealed record BatchResult(string BatchId, string? Completion, string? Error)
{
    /// <summary>
    /// Reads one line of an output or error file: <c>{"custom_id": …, "response": {"status_code": …, "body": …}, "error": …}</c>.
    /// Returns null when the line names no request (it cannot be given to anyone).
    /// </summary>
    public static (string Key, BatchResult Result)? ParseLine(string line, string batchId)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (BatchJson.String(root, "custom_id") is not { Length: > 0 } key) return null;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                return (key, new BatchResult(batchId, null, $"the batch {batchId} could not run this request: {Describe(error)}"));
            if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
                return (key, new BatchResult(batchId, null, $"the batch {batchId} gave no response for this request"));
            var status = response.TryGetProperty("status_code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : 0;
            var body = response.TryGetProperty("body", out var b) ? b : default;
            if (status is < 200 or > 299)
            {
                var detail = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var bodyError) && bodyError.ValueKind == JsonValueKind.Object
                    ? Describe(bodyError)
                    : ServiceError.Detail(body.ValueKind == JsonValueKind.Undefined ? "" : body.GetRawText());
                return (key, new BatchResult(batchId, null,
                    $"the batch {batchId} answered HTTP {status.ToString(CultureInfo.InvariantCulture)} for this request{(detail.Length > 0 ? ": " + detail : "")}"));
            }
            if (body.ValueKind != JsonValueKind.Object)
                return (key, new BatchResult(batchId, null, $"the batch {batchId} answered this request without a body"));
            return (key, new BatchResult(batchId, body.GetRawText(), null));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An <c>{"code": …, "message": …}</c> error in words.</summary>
    static string Describe(JsonElement error)
    {
        var code = BatchJson.String(error, "code");
        var message = ServiceError.Shorten(BatchJson.String(error, "message") ?? "(no message)");
        return code is { Length: > 0 } ? $"{code}: {message}" : message;
    }
}
