using RegressionGate.ModelCalls;

namespace RegressionGate.Llm;

/// <summary>A model call failed after the retries it was allowed: an HTTP error, or no connection.</summary>
internal class LlmCallException(string message, int? status, int attempts, Exception? inner = null) : ModelCallException(message, inner)
{
    /// <inheritdoc/>
    public override ModelCallFailure Failure => ModelCallFailure.CallFailed;

    /// <summary>The last HTTP status, or <c>null</c> when no response came.</summary>
    public int? Status { get; } = status;

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; } = attempts;
}
