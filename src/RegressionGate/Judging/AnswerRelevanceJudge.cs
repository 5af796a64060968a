using System.Globalization;
using Microsoft.Extensions.AI;
using RegressionGate.ModelCalls;

namespace RegressionGate.Judging;

/// <summary>
/// The LLM Answer Relevance judge: asks <paramref name="client"/> <paramref name="repeats"/> times (one after another,
/// so a runner's parallelism bounds the calls in flight) and lets the median score decide.
/// </summary>
/// <param name="client">Usually the recording client, so every call is recorded or replayed.</param>
/// <param name="model">The model or deployment the client talks to; part of the identity (the key carries it separately).</param>
internal sealed class AnswerRelevanceJudge(IChatClient client, string model, int repeats, LabelThresholds labels) : IAnswerJudge
{
    /// <summary>The kind's name in <c>gate.json</c> and in identities.</summary>
    public const string Kind = "answer-relevance";

    readonly int repeats = repeats >= 1 ? repeats : throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "repeats must be at least 1");

    public JudgeIdentity Identity { get; } = new([
        new(JudgeIdentity.KindProperty, Kind),
        new(JudgeIdentity.ModelProperty, model),
        new("promptVersion", AnswerRelevancePrompt.Version),
        new("temperature", "0"),
        new("repeats", repeats.ToString(CultureInfo.InvariantCulture)),
    ]);

    /// <summary>The request for repeat <paramref name="repeat"/> (1-based) of one answer: rubric, temperature 0, prompt version and repeat tags.</summary>
    public static JudgeRequest Request(string question, string answer, int repeat = 1)
    {
        if (repeat < 1) throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "repeats count from 1");
        var options = new ChatOptions
        {
            Temperature = 0,
            AdditionalProperties = new()
            {
                [ModelRequestProperties.PromptVersion] = AnswerRelevancePrompt.Version,
                [ModelRequestProperties.Repeat] = repeat,
            },
        };
        return new JudgeRequest(AnswerRelevancePrompt.Messages(question, answer), options);
    }

    public async Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default)
    {
        var results = new List<(int Score, string Reasoning)>(repeats);
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            var request = Request(question, answer, repeat);
            string output;
            try
            {
                var response = await client.GetResponseAsync(request.Messages, request.Options, cancellationToken).ConfigureAwait(false);
                output = response.Text;
            }
            catch (ModelCallException e)
            {
                return JudgeFailure.Of(e, Prefix(repeat));
            }

            var reading = JudgeOutputParser.Parse(output);
            if (reading.Score is not { } score)
                return new JudgeFailure(JudgeFailureKind.UnreadableScore, Prefix(repeat) + reading.Problem, output);
            results.Add((score, output));
        }
        return Judgment.FromRepeats(results, labels, AnswerRelevancePrompt.MaxScore);
    }

    string Prefix(int repeat) => repeats == 1 ? "" : $"repeat {repeat} of {repeats}: ";
}
