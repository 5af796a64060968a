using Microsoft.Extensions.AI;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// The context relevance rubric: how relevant one retrieved SEGMENT is to the QUESTION, on 0–3, answered as
/// <c>Criteria: … Supporting Evidence: … Score: N</c>. Modelled on TruLens' context relevance grader, worded afresh.
/// The request holds the question and the segment's text and nothing else (no id, rank or video), so its recording
/// key depends on exactly (prompt version, model, question text, segment text): a re-ranking judges only new segments.
/// </summary>
internal static class ContextRelevancePrompt
{
    /// <summary>Part of every recording key; change it whenever a word of the prompt changes.</summary>
    public const string Version = "cr-v1";

    /// <summary>The rubric, with LF line ends whatever the checkout did to this file, since its bytes are part of every key.</summary>
    public static string System { get; } =
        """
        You grade CONTEXT RELEVANCE: how relevant one SEGMENT of a lecture transcript is to a QUESTION a student asked.
        Judge only whether the SEGMENT holds information that helps answer the QUESTION, not how well it is spoken or written.

        Use one of these integer scores:
        0 - the SEGMENT holds nothing that helps answer the QUESTION.
        1 - the SEGMENT touches the subject of the QUESTION but holds little of what it asks.
        2 - the SEGMENT answers a substantial part of the QUESTION but misses or only hints at some of it.
        3 - the SEGMENT holds what is needed to answer the whole QUESTION.

        Rules:
        - Judge the SEGMENT by itself, not by what other segments might add.
        - Length earns nothing by itself: a long SEGMENT about something else scores 0.
        - Transcripts are spoken Portuguese with speech-recognition errors; read them for meaning.
        - The QUESTION and SEGMENT may be in Portuguese. Grade them as written; write your evaluation in English.

        Reply in plain text, in exactly this form and nothing else:
        Criteria: <what a segment has to hold to answer this QUESTION>
        Supporting Evidence: <what the SEGMENT says that bears on the QUESTION, and what it lacks>
        Score: <0, 1, 2 or 3>
        """.ReplaceLineEndings("\n");

    public static string User(string question, string segment) => $"QUESTION:\n{question}\n\nSEGMENT:\n{segment}";

    public static IReadOnlyList<ChatMessage> Messages(string question, string segment) =>
        [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, User(question, segment))];
}
