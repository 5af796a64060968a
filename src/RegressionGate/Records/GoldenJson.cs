using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RegressionGate.Golden;

namespace RegressionGate.Records;

/// <summary>The one-line JSON the importer writes for a corpus segment or a question, in the field order of DESIGN §3, accents unescaped.</summary>
internal static class GoldenJson
{
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string CorpusLine(Segment segment) => Line(json =>
    {
        json.WriteString("id", segment.Id);
        json.WriteString("videoId", segment.VideoId);
        if (segment.Title.Length > 0) json.WriteString("title", segment.Title);
        if (segment.Url is null) json.WriteNull("url");
        else json.WriteString("url", segment.Url);
        json.WriteString("start", segment.Start.ToString());
        json.WriteString("end", segment.End.ToString());
        json.WriteString("text", segment.Text);
    });

    public static string QuestionLine(GoldenQuestion question) => Line(json =>
    {
        json.WriteString("id", question.Id);
        json.WriteString("text", question.Text);
        if (question.Answer is not null) json.WriteString("answer", question.Answer);
        if (question.Manual is { } manual) json.WriteString("manual", manual.ToString());
        if (question.Relevant.Count > 0)
        {
            json.WriteStartArray("relevant");
            foreach (var id in question.Relevant) json.WriteStringValue(id);
            json.WriteEndArray();
        }
    });

    internal static string Line(Action<Utf8JsonWriter> writeFields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            writeFields(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
