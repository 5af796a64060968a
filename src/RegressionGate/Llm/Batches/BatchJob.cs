using System.Text.Json;

namespace RegressionGate.Llm.Batches;

/// <summary>A batch as the Batch API describes it (the fields this tool reads).</summary>
/// <param name="Errors">Why validation failed: each with the input line it concerns, where the service says.</param>
internal sealed record BatchJob(
    string Id,
    BatchStatus Status,
    string? OutputFileId,
    string? ErrorFileId,
    int Total,
    int Completed,
    int Failed,
    IReadOnlyList<BatchError> Errors)
{
    /// <summary>Requests answered or failed so far.</summary>
    public int Done => Completed + Failed;

    /// <summary>Reads the batch object of a response body.</summary>
    public static BatchJob Parse(JsonElement batch)
    {
        var counts = batch.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var errors = batch.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                     && e.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(BatchError.Parse).ToList()
            : [];
        return new BatchJob(
            BatchJson.String(batch, "id") ?? throw new JsonException("the batch has no id"),
            BatchStatuses.Parse(BatchJson.String(batch, "status")),
            BatchJson.String(batch, "output_file_id"),
            BatchJson.String(batch, "error_file_id"),
            BatchJson.Int(counts, "total"),
            BatchJson.Int(counts, "completed"),
            BatchJson.Int(counts, "failed"),
            errors);
    }
}

/// <summary>One reason a batch failed validation.</summary>
/// <param name="Line">The input file's line (1-based) it concerns, where given.</param>
internal sealed record BatchError(string? Code, string Message, int? Line)
{
    public static BatchError Parse(JsonElement error) => new(
        BatchJson.String(error, "code"),
        BatchJson.String(error, "message") ?? "(no message)",
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null);

    public override string ToString() =>
        $"{(Line is { } l ? $"line {l}: " : "")}{(Code is { Length: > 0 } c ? c + ": " : "")}{ServiceError.Shorten(Message)}";
}
