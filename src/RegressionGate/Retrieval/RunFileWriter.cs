using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RegressionGate.Files;

namespace RegressionGate.Retrieval;

/// <summary>Writes a run file (see <see cref="RunFileEntry"/>): lines in question-id order, rankings best first, atomically, only when the bytes change.</summary>
internal static class RunFileWriter
{
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="entries"/> to <paramref name="path"/>; false when the file already held exactly this.</summary>
    public static bool Write(string path, IEnumerable<RunFileEntry> entries) => AtomicFile.WriteIfChanged(path, Render(entries));

    public static string Render(IEnumerable<RunFileEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.QuestionId, SegmentIdComparer.Instance).ToList();
        var duplicate = ordered.GroupBy(e => e.QuestionId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"question '{duplicate.Key}' has two rankings", nameof(entries));
        var text = new StringBuilder();
        foreach (var entry in ordered) text.Append(Line(entry)).Append('\n');
        return text.ToString();
    }

    static string Line(RunFileEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("questionId", entry.QuestionId);
            json.WriteString("source", entry.Source);
            json.WriteStartArray("ranking");
            foreach (var segment in entry.Ranking.OrderBy(s => s.Rank))
            {
                json.WriteStartObject();
                json.WriteString("id", segment.Id);
                // Utf8JsonWriter prints the shortest text that reads back as the same double.
                json.WriteNumber("score", segment.Score);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
