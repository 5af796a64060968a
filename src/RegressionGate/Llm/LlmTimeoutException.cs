namespace RegressionGate.Llm;

/// <summary>The endpoint did not answer within the configured timeout on any attempt.</summary>
internal sealed class LlmTimeoutException(string message, TimeSpan timeout, int attempts, Exception? inner = null)
    : LlmCallException(message, null, attempts, inner)
{
    public TimeSpan Timeout { get; } = timeout;
}
