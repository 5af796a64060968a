namespace RegressionGate.Judging;

/// <summary>Why an answer got no judgment. Never read as a score of 0: the gate reports it as a failure of its own.</summary>
public enum JudgeFailureKind
{
    /// <summary>The judge answered, but no valid score could be read from its output.</summary>
    UnreadableScore,
    /// <summary>Replay found no recording for the request.</summary>
    MissingRecording,
    /// <summary>The call to the model failed (HTTP error after retries, timeout).</summary>
    CallFailed,
}
