using RegressionGate.Golden;
using RegressionGate.ModelCalls;

namespace RegressionGate.Answers;

/// <summary>What producing one question's answer gave: an <see cref="AnswerUnderTest"/> or an <see cref="AnswerFailure"/>.</summary>
public abstract record AnswerOutcome;

/// <summary>The answer the metrics grade, with the segments it was given and the ones it cites.</summary>
/// <param name="Text">The answer.</param>
/// <param name="Context">The segments the answer was given, best first: the retriever's top-k, or the endpoint's.</param>
/// <param name="References">The segments the answer cites (<c>[n]</c> markers), in citation order; empty for golden answers.</param>
public sealed record AnswerUnderTest(string Text, IReadOnlyList<Segment> Context, IReadOnlyList<Segment> References) : AnswerOutcome;

/// <summary>No answer for this question: a missing recording, a failed call, or a reply the paths cannot read.</summary>
/// <param name="Message">What went wrong and how to fix it; it never names the question (see <see cref="ForQuestion"/>).</param>
/// <param name="RawOutput">The reply that could not be read, verbatim.</param>
/// <param name="RecordingKey">The recording key of the request, where known.</param>
public sealed record AnswerFailure(ModelCallFailure Kind, string Message, string? RawOutput = null, string? RecordingKey = null) : AnswerOutcome
{
    /// <summary>The failure of a call, <paramref name="prefix"/> saying which answer source made it.</summary>
    internal static AnswerFailure Of(ModelCallException failure, string prefix) =>
        new(failure.Failure, prefix + failure.Message, RecordingKey: failure.RecordingKey);

    /// <summary>The message for a report, naming the question and quoting the raw reply.</summary>
    public string ForQuestion(string questionId) =>
        RawOutput is null ? $"question {questionId}: {Message}" : $"question {questionId}: {Message}\n--- reply ---\n{RawOutput}\n---";
}
