using System.Text.Json.Nodes;
using RegressionGate.Golden;

namespace RegressionGate.Answers;

/// <summary>The body an endpoint is sent for one question: the template with its placeholders filled in.</summary>
internal static class EndpointRequest
{
    public const string QuestionPlaceholder = "{{question}}";
    public const string QuestionIdPlaceholder = "{{questionId}}";

    /// <summary>
    /// A copy of <paramref name="template"/> whose strings have <see cref="QuestionPlaceholder"/> and
    /// <see cref="QuestionIdPlaceholder"/> replaced (as text inside JSON strings, so quotes in the question stay
    /// escaped), serialised compactly: the exact bytes sent, and what the recording key covers.
    /// </summary>
    public static string Body(JsonNode template, GoldenQuestion question) => Fill(template, question)!.ToJsonString();

    /// <summary>A new tree like <paramref name="node"/>, its strings filled in; the template is left as it was.</summary>
    static JsonNode? Fill(JsonNode? node, GoldenQuestion question) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Fill(p.Value, question)))),
        JsonArray a => new JsonArray(a.Select(item => Fill(item, question)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(text
            .Replace(QuestionPlaceholder, question.Text, StringComparison.Ordinal)
            .Replace(QuestionIdPlaceholder, question.Id, StringComparison.Ordinal)),
        _ => node?.DeepClone(),
    };
}
