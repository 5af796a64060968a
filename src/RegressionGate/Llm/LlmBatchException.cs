namespace RegressionGate.Llm;

/// <summary>
/// A run with <c>--batch</c> cannot go on: the Batch API refused a file or a batch, a batch failed validation, or a
/// pending batch belongs to another endpoint. The command line maps it to exit code 2; the message names the batch and
/// what to do, and never shows a key. Recordings already written, and a pending batch to resume, are kept.
/// </summary>
public sealed class LlmBatchException(string message) : Exception(message);
