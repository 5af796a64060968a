namespace RegressionGate.ModelCalls;

/// <summary>Why a model call produced no answer.</summary>
public enum ModelCallFailure
{
    /// <summary>Replay found no recording for the request.</summary>
    MissingRecording,

    /// <summary>The call to the model failed (HTTP error after retries, timeout, no connection).</summary>
    CallFailed,
}
