using System.Text.Json;

namespace RegressionGate.Llm.Batches;

/// <summary>An uploaded file as the Files API describes it.</summary>
/// <param name="Status"><c>uploaded</c>, <c>pending</c>, <c>running</c>, <c>processed</c>, <c>error</c>, <c>deleting</c> or <c>deleted</c>.</param>
internal sealed record BatchFile(string Id, string? Status, string? StatusDetails)
{
    /// <summary>The file can be given to a batch.</summary>
    public bool Processed => Status is "processed";

    /// <summary>The file will never be processed.</summary>
    public bool Unusable => Status is "error" or "deleting" or "deleted";

    public static BatchFile Parse(JsonElement file) => new(
        BatchJson.String(file, "id") ?? throw new JsonException("the file has no id"),
        BatchJson.String(file, "status"),
        BatchJson.String(file, "status_details"));
}
