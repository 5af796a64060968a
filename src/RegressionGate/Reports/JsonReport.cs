using System.Text.Encodings.Web;
using System.Text.Json;
using RegressionGate.Gate;
using RegressionGate.Judging;

namespace RegressionGate.Reports;

/// <summary>The machine-readable report, <c>gate-report.json</c>: verdict, per-question results and aggregates.</summary>
public static class JsonReport
{
    public const string Schema = "regression-gate/report/v1";

    public static string Render(GateResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("verdict", result.Passed ? "passed" : "failed");
            w.WriteNumber("questions", result.Questions.Count);
            w.WriteNumber("failedQuestions", result.Failing.Count());
            w.WriteStartArray("results");
            foreach (var q in result.Questions)
            {
                w.WriteStartObject();
                w.WriteString("id", q.Question.Id);
                w.WriteBoolean("passed", q.Passed);
                WriteVerdict(w, "retrieval", q.Retrieval);
                if (q.Judgment is { } judgment) WriteVerdict(w, "judgment", judgment);
                if (q.Judged is Judgment j)
                {
                    w.WriteNumber("score", j.Score);
                    w.WriteString("automated", j.Label.ToString());
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteVerdict(w, "aggregates", result.SummaryVerdict);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    static void WriteVerdict(Utf8JsonWriter w, string name, Verdict verdict)
    {
        w.WriteStartObject(name);
        w.WriteBoolean("passed", verdict.Passed);
        w.WriteStartArray("failures");
        foreach (var f in verdict.Failures) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
