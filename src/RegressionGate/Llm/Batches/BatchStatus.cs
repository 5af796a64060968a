namespace RegressionGate.Llm.Batches;

/// <summary>Where a batch is in its life, as the Batch API's <c>status</c> says.</summary>
internal enum BatchStatus
{
    /// <summary>The input file is being checked.</summary>
    Validating,
    /// <summary>The input file failed validation; nothing ran.</summary>
    Failed,
    /// <summary>Requests are being answered.</summary>
    InProgress,
    /// <summary>Every request is done; the output and error files are being written.</summary>
    Finalizing,
    /// <summary>Done; the output and error files are ready.</summary>
    Completed,
    /// <summary>The completion window ran out; what finished is in the output file.</summary>
    Expired,
    /// <summary>Cancellation was asked for and is under way.</summary>
    Cancelling,
    /// <summary>Cancelled; what finished before is in the output file.</summary>
    Cancelled,
}

/// <summary>The wire names of <see cref="BatchStatus"/>, and which statuses end a batch.</summary>
internal static class BatchStatuses
{
    static readonly (BatchStatus Status, string Name)[] Names =
    [
        (BatchStatus.Validating, "validating"),
        (BatchStatus.Failed, "failed"),
        (BatchStatus.InProgress, "in_progress"),
        (BatchStatus.Finalizing, "finalizing"),
        (BatchStatus.Completed, "completed"),
        (BatchStatus.Expired, "expired"),
        (BatchStatus.Cancelling, "cancelling"),
        (BatchStatus.Cancelled, "cancelled"),
    ];

    public static string Name(this BatchStatus status) => Names.First(n => n.Status == status).Name;

    /// <summary>The status named <paramref name="name"/>; one this version does not know counts as still running.</summary>
    public static BatchStatus Parse(string? name) => Names.FirstOrDefault(n => n.Name == name) is { Name: not null } known ? known.Status : BatchStatus.InProgress;

    /// <summary>Whether the batch will change no more: its output (if any) can be read.</summary>
    public static bool IsFinal(this BatchStatus status) => status is BatchStatus.Failed or BatchStatus.Completed or BatchStatus.Expired or BatchStatus.Cancelled;
}
