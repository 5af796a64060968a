using RegressionGate.Judging;

namespace RegressionGate.ModelCalls;

/// <summary>
/// A model call failed in a way that concerns one question only (no recording, HTTP error, timeout); judges turn it
/// into a <see cref="JudgeFailure"/>. The LLM stage's exceptions derive from it.
/// </summary>
public abstract class ModelCallException(string message, Exception? inner = null) : Exception(message, inner)
{
    public abstract JudgeFailureKind Kind { get; }

    /// <summary>The recording key of the failed request, where known.</summary>
    public virtual string? RecordingKey => null;
}
