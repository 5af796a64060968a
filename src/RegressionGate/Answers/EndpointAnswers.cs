using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using RegressionGate.Golden;
using RegressionGate.Llm;
using RegressionGate.ModelCalls;

namespace RegressionGate.Answers;

/// <summary>
/// The team's assistant over HTTP, asked through a recording client around an <see cref="EndpointChatClient"/>, so its
/// replies are recorded and replayed like the judge's (keyed by the endpoint and the exact request body). The answer
/// and the ids of the segments it was given are read from the reply with the configured paths; those segments are the
/// context groundedness and context relevance grade, and the answer's <c>[n]</c> citations point into them.
/// </summary>
/// <param name="client">The recording client around the endpoint.</param>
/// <param name="golden">Where segment ids are looked up.</param>
internal sealed class EndpointAnswers(IChatClient client, EndpointSettings settings, GoldenSet golden) : IAnswerProducer
{
    /// <summary>The model name recordings of this endpoint are keyed by: the endpoint without its query.</summary>
    public static string RecordingModel(EndpointSettings settings) => "endpoint " + EndpointChatClient.Display(settings.Url);

    public AnswerIdentity Identity { get; } = new([
        new(AnswerIdentity.KindProperty, AnswerSource.Endpoint.Name()),
        new("url", EndpointChatClient.Display(settings.Url)),
        new("answerPath", settings.AnswerPath.Text),
        new("segmentIdsPath", settings.SegmentIdsPath.Text),
    ]);

    /// <summary>The one message sent for <paramref name="question"/>: what the recording key covers.</summary>
    public static IReadOnlyList<ChatMessage> Messages(EndpointSettings settings, GoldenQuestion question) =>
        [new ChatMessage(ChatRole.User, EndpointRequest.Body(settings.Body, question))];

    public async Task<AnswerOutcome?> AnswerAsync(GoldenQuestion question, IReadOnlyList<Segment> retrieved, CancellationToken cancellationToken = default)
    {
        string reply;
        string? key;
        try
        {
            var response = await client.GetResponseAsync(Messages(settings, question), null, cancellationToken).ConfigureAwait(false);
            reply = response.Text;
            key = response.AdditionalProperties?.TryGetValue(RecordingChatClient.RecordingKeyProperty, out var k) == true ? k as string : null;
        }
        catch (ModelCallException e)
        {
            return AnswerFailure.Of(e, "endpoint: ");
        }
        return Read(reply, key);
    }

    AnswerOutcome Read(string reply, string? key)
    {
        AnswerFailure Unreadable(string problem) => new(ModelCallFailure.CallFailed, $"endpoint: {problem}", reply, key);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(reply);
        }
        catch (JsonException e)
        {
            return Unreadable($"the reply is not JSON ({e.Message.Split(". ")[0]})");
        }

        var answers = settings.AnswerPath.Select(root);
        if (answers is not [JsonValue answerValue] || !answerValue.TryGetValue<string>(out var answer))
            return Unreadable($"answers.endpoint.answerPath {settings.AnswerPath} selects {Describe(answers)}, not one string");

        var context = new List<Segment>();
        foreach (var node in settings.SegmentIdsPath.Select(root).SelectMany(n => n is JsonArray a ? (IEnumerable<JsonNode?>)a : new[] { n }))
        {
            var id = node is JsonValue v && v.TryGetValue<string>(out var s) ? s
                : node is JsonValue n && n.TryGetValue<long>(out var number) ? number.ToString(CultureInfo.InvariantCulture)
                : null;
            if (id is null) return Unreadable($"answers.endpoint.segmentIdsPath {settings.SegmentIdsPath} selects {node?.ToJsonString() ?? "null"}, which is not a segment id");
            var segment = golden.FindSegment(id);
            if (segment is null) return Unreadable($"the endpoint gave segment {id}, which is not in {GoldenSet.CorpusFile}");
            if (context.All(c => c.Id != id)) context.Add(segment);
        }
        return new AnswerUnderTest(answer.Trim(), context, GroundedAnswer.Cited(answer, context));
    }

    static string Describe(IReadOnlyList<JsonNode?> nodes) => nodes.Count switch
    {
        0 => "nothing",
        1 => nodes[0]?.ToJsonString() is { } json ? (json.Length > 80 ? json[..80] + "…" : json) : "null",
        var n => $"{n} values",
    };
}
