using RegressionGate.ModelCalls;

namespace RegressionGate.Judging;

/// <summary>A judge failure for one answer, with the judge's raw output or the recording key where there is one.</summary>
/// <param name="Kind">Why there is no judgment.</param>
/// <param name="Message">What went wrong and, where possible, how to fix it; it never names the question (see <see cref="ForQuestion"/>).</param>
/// <param name="RawOutput">The judge's output that could not be read, verbatim.</param>
/// <param name="RecordingKey">The recording key of the request that failed, where known.</param>
public sealed record JudgeFailure(JudgeFailureKind Kind, string Message, string? RawOutput = null, string? RecordingKey = null) : JudgeOutcome
{
    /// <summary>The failure of a model call the judge made, <paramref name="prefix"/> put before its message (say, which repeat).</summary>
    public static JudgeFailure Of(ModelCallException failure, string prefix = "") => new(
        failure.Failure switch
        {
            ModelCallFailure.MissingRecording => JudgeFailureKind.MissingRecording,
            _ => JudgeFailureKind.CallFailed,
        },
        prefix + failure.Message,
        RecordingKey: failure.RecordingKey);

    /// <summary>The message for a report, naming the question and quoting the raw output.</summary>
    public string ForQuestion(string questionId) =>
        RawOutput is null ? $"question {questionId}: {Message}" : $"question {questionId}: {Message}\n--- judge output ---\n{RawOutput}\n---";
}
