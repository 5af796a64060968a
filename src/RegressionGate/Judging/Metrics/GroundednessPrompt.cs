using System.Text;
using Microsoft.Extensions.AI;
using RegressionGate.Golden;
using RegressionGate.Retrieval;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// The groundedness rubric: whether one STATEMENT of an answer is supported by the SOURCES the answer was given, on
/// 0–3, answered as <c>Criteria: … Supporting Evidence: … Score: N</c>. Modelled on TruLens' groundedness grader,
/// worded afresh. The sources are the segments' texts in id order, so a re-ranking of the same segments asks the same
/// request and replays; the question is not part of it, since support does not depend on what was asked.
/// </summary>
internal static class GroundednessPrompt
{
    /// <summary>Part of every recording key; change it whenever a word of the prompt changes.</summary>
    public const string Version = "g-v1";

    /// <summary>The rubric, with LF line ends whatever the checkout did to this file, since its bytes are part of every key.</summary>
    public static string System { get; } =
        """
        You grade GROUNDEDNESS: whether one STATEMENT taken from an answer is supported by the SOURCES the answer was given,
        which are segments of lecture transcripts. Judge only whether the SOURCES say what the STATEMENT says, not whether
        the STATEMENT is true in general or relevant to any question.

        Use one of these integer scores:
        0 - nothing in the SOURCES supports the STATEMENT, or the SOURCES contradict it.
        1 - the SOURCES support a small part of the STATEMENT; most of what it says is not in them.
        2 - the SOURCES support most of the STATEMENT, but some of its detail is not in them.
        3 - everything the STATEMENT says is in the SOURCES.

        Rules:
        - Knowledge from outside the SOURCES earns nothing, however true it is.
        - A paraphrase counts as support when it means the same thing.
        - Sources are spoken Portuguese with speech-recognition errors; read them for meaning.
        - The STATEMENT and SOURCES may be in Portuguese. Grade them as written; write your evaluation in English.

        Reply in plain text, in exactly this form and nothing else:
        Criteria: <what the SOURCES must say to support this STATEMENT>
        Supporting Evidence: <the passages of the SOURCES that support it, quoted briefly, and what is missing>
        Score: <0, 1, 2 or 3>
        """.ReplaceLineEndings("\n");

    /// <summary>The sources in id order, each under its own heading, then the statement.</summary>
    public static string User(IReadOnlyList<Segment> segments, string statement)
    {
        var text = new StringBuilder("SOURCES:\n");
        var ordered = segments.DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Id, SegmentIdComparer.Instance).ToList();
        for (var i = 0; i < ordered.Count; i++)
            text.Append("[SOURCE ").Append(i + 1).Append("]\n").Append(ordered[i].Text).Append("\n\n");
        return text.Append("STATEMENT:\n").Append(statement).ToString();
    }

    public static IReadOnlyList<ChatMessage> Messages(IReadOnlyList<Segment> segments, string statement) =>
        [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, User(segments, statement))];
}
