namespace RegressionGate.ModelCalls;

/// <summary>
/// A model call failed in a way that concerns this one request only (no recording, HTTP error, timeout), so a judge
/// reports it for its question and the run goes on. The LLM stage throws its subclasses; judges catch this.
/// </summary>
public abstract class ModelCallException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong, in the terms a report uses.</summary>
    public abstract ModelCallFailure Failure { get; }

    /// <summary>The recording key of the failed request, where known.</summary>
    public virtual string? RecordingKey => null;
}
