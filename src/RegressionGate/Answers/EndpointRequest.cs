using System.Text.Json.Nodes;
using RegressionGate.Golden;

namespace RegressionGate.Answers;

/// <summary>The body an endpoint is sent for one question: the template with its placeholders filled in.</summary>
public static class EndpointRequest
{
    public const string QuestionPlaceholder = "{{question}}";
    public const string QuestionIdPlaceholder = "{{questionId}}";

    /// <summary>
    /// A copy of <paramref name="template"/> whose strings have <see cref="QuestionPlaceholder"/> and
    /// <see cref="QuestionIdPlaceholder"/> replaced (as text inside JSON strings, so quotes in the question stay
    /// escaped), serialised compactly: the exact bytes sent, and what the recording key covers.
    /// </summary>
    public static string Body(JsonNode template, GoldenQuestion question) => Fill(template.DeepClone(), question)!.ToJsonString();

    static JsonNode? Fill(JsonNode? node, GoldenQuestion question)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList()) o[name] = Fill(o[name], question);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) a[i] = Fill(a[i]?.DeepClone(), question);
                return a;
            case JsonValue v when v.TryGetValue<string>(out var text):
                return JsonValue.Create(text.Replace(QuestionPlaceholder, question.Text, StringComparison.Ordinal)
                    .Replace(QuestionIdPlaceholder, question.Id, StringComparison.Ordinal));
            default:
                return node;
        }
    }
}
