using RegressionGate.ModelCalls;

namespace RegressionGate.Answers;

/// <summary>The assistant's endpoint failed for one question: an HTTP error, a timeout, or no connection.</summary>
internal sealed class EndpointCallException(string message, int? status, Exception? inner = null) : ModelCallException(message, inner)
{
    /// <inheritdoc/>
    public override ModelCallFailure Failure => ModelCallFailure.CallFailed;

    /// <summary>The HTTP status, or null when no response came.</summary>
    public int? Status { get; } = status;
}
