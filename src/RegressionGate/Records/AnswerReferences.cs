using System.Text;
using RegressionGate.Golden;
using RegressionGate.Retrieval;

namespace RegressionGate.Records;

/// <summary>
/// Writes <c>references.jsonl</c> (read by <see cref="ReferencesReader"/>) when records are imported: one question a
/// line, in id order.
/// </summary>
internal static class AnswerReferences
{
    public static string Render(IReadOnlyDictionary<string, IReadOnlyList<RecordReference>> byQuestion)
    {
        var text = new StringBuilder();
        foreach (var (questionId, references) in byQuestion.OrderBy(p => p.Key, SegmentIdComparer.Instance))
        {
            text.Append(GoldenJson.Line(json =>
            {
                json.WriteString("questionId", questionId);
                json.WriteStartArray("references");
                foreach (var reference in references)
                {
                    json.WriteStartObject();
                    json.WriteString("text", reference.Text);
                    json.WriteString("url", reference.Url);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            })).Append('\n');
        }
        return text.ToString();
    }
}
