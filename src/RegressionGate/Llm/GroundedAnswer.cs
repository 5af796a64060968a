using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RegressionGate.Golden;
using RegressionGate.ModelCalls;

namespace RegressionGate.Llm;

/// <summary>
/// Answers a student's question from retrieved transcript segments, as the assistant does: the model sees the
/// segments numbered [1]…[k] and cites the ones it used, which become the answer's references (video, start, end).
/// The request holds every segment's video, times and text in rank order, so any change of the context changes its
/// recording key: a replayed answer is always one generated from exactly this context.
/// </summary>
internal static partial class GroundedAnswer
{
    /// <summary>Part of every recording key of a generated answer; change it whenever a word of the prompt changes.</summary>
    public const string PromptVersion = "answer-v1";

    const string System =
        "Você é um assistente que responde perguntas de estudantes usando apenas trechos de transcrições de aulas gravadas.\n" +
        "Responda em português, em 1 a 4 frases, somente com o que os trechos dizem. Cite os trechos usados com seus números " +
        "entre colchetes, por exemplo [2]. Se os trechos não respondem à pergunta, diga que não encontrou a resposta nas aulas.";

    public static IReadOnlyList<ChatMessage> Messages(string question, IReadOnlyList<Segment> segments)
    {
        var user = new StringBuilder();
        user.Append("Pergunta: ").AppendLine(question).AppendLine().AppendLine("Trechos:");
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            user.AppendLine(CultureInfo.InvariantCulture, $"[{i + 1}] ({s.VideoId}, {s.Start}–{s.End}) {s.Text}");
        }
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>
    /// The options of every answer request: temperature 0 and the prompt version, a tag for the recording key that the
    /// recording client strips before the model sees it.
    /// </summary>
    public static ChatOptions Options() => new()
    {
        Temperature = 0,
        AdditionalProperties = new() { [ModelRequestProperties.PromptVersion] = PromptVersion },
    };

    /// <summary>
    /// The model's answer and the segments it cited, in citation order, each once. Send it through a
    /// <see cref="RecordingChatClient"/> (any mode), which keys it and keeps the prompt-version tag from the model.
    /// </summary>
    public static async Task<(string Answer, IReadOnlyList<Segment> References)> AskAsync(
        IChatClient client, string question, IReadOnlyList<Segment> segments, CancellationToken cancellationToken = default)
    {
        var response = await client.GetResponseAsync(Messages(question, segments), Options(), cancellationToken).ConfigureAwait(false);
        var answer = response.Text.Trim();
        return (answer, Cited(answer, segments));
    }

    public static IReadOnlyList<Segment> Cited(string answer, IReadOnlyList<Segment> segments) =>
        Citation().Matches(answer)
            .Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))
            .Where(n => n >= 1 && n <= segments.Count)
            .Distinct()
            .Select(n => segments[n - 1])
            .ToList();

    [GeneratedRegex(@"\[(?<n>\d{1,3})\]")]
    private static partial Regex Citation();
}
