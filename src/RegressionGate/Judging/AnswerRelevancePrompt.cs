using Microsoft.Extensions.AI;

namespace RegressionGate.Judging;

/// <summary>
/// The Answer Relevance rubric: how well a RESPONSE addresses the whole PROMPT, on 0–3, answered as
/// <c>Criteria: … Supporting Evidence: … Score: N</c>. Modelled on TruLens' relevance grader, worded afresh.
/// </summary>
internal static class AnswerRelevancePrompt
{
    /// <summary>
    /// Part of every recording key. Change it whenever a word of the prompt changes, so old recordings stop
    /// replaying for a prompt they were not made with.
    /// </summary>
    public const string Version = "ar-v1";

    /// <summary>The highest score the rubric allows; normalised score = score / <see cref="MaxScore"/>.</summary>
    public const int MaxScore = 3;

    /// <summary>The rubric, with LF line ends whatever the checkout did to this file, since its bytes are part of every key.</summary>
    public static string System { get; } =
        """
        You grade ANSWER RELEVANCE: how well a RESPONSE addresses the whole of a PROMPT, which is a student's question.
        Judge only whether the RESPONSE speaks to what the PROMPT asks, not whether its facts are true.

        Use one of these integer scores:
        0 - the RESPONSE addresses no part of the PROMPT, or it evades, refuses or says it does not know.
        1 - the RESPONSE touches the subject of the PROMPT but answers little of what was asked.
        2 - the RESPONSE answers a substantial part of the PROMPT but misses or only hints at some of it.
        3 - the RESPONSE addresses every part of the PROMPT.

        Rules:
        - Length earns nothing by itself: a short RESPONSE that covers the whole PROMPT scores as high as a long one.
        - The score grows with the share of the PROMPT the RESPONSE covers; only a RESPONSE relevant to the entire PROMPT gets 3.
        - The PROMPT and RESPONSE may be in Portuguese. Grade them as written; write your evaluation in English.

        Reply in plain text, in exactly this form and nothing else:
        Criteria: <what a fully relevant response to this PROMPT has to cover>
        Supporting Evidence: <which parts of the PROMPT the RESPONSE addresses, and which it misses>
        Score: <0, 1, 2 or 3>
        """.ReplaceLineEndings("\n");

    public static string User(string question, string answer) =>
        $"PROMPT:\n{question}\n\nRESPONSE:\n{answer}";

    public static IReadOnlyList<ChatMessage> Messages(string question, string answer) =>
        [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, User(question, answer))];
}
