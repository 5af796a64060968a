using System.Text;

namespace RegressionGate.Records;

/// <summary>
/// Prints records in the team's layout, field for field and blank line for blank line as the seed does, so that
/// <see cref="RecordParser"/> and this writer are inverses. Values are printed as they are; a value must not hold a
/// line that reads as a heading or as the <c>---</c> separator.
/// </summary>
internal static class RecordWriter
{
    public static string Write(IEnumerable<EvaluationRecord> records)
    {
        var text = new StringBuilder();
        foreach (var record in records) Append(text, record);
        return text.ToString();
    }

    public static string Write(EvaluationRecord record) => Write([record]);

    static void Append(StringBuilder text, EvaluationRecord record)
    {
        Heading(text, $"{RecordLayout.QuestionHeading} {record.QuestionId}", record.Question).Append('\n');
        Heading(text, RecordLayout.SegmentsHeading, "");
        foreach (var segment in record.Segments)
        {
            Field(text, RecordLayout.CorpusIdField, segment.CorpusId);
            Field(text, RecordLayout.ScoreField, RecordNumbers.FormatScore(segment.Score));
            Field(text, RecordLayout.UrlField, segment.Url);
            Field(text, RecordLayout.StartField, segment.Start.ToString());
            Field(text, RecordLayout.EndField, segment.End.ToString());
            Field(text, RecordLayout.TranscriptField, segment.Transcript).Append('\n');
        }
        text.Append('\n');
        Heading(text, RecordLayout.AnswerHeading, record.Answer).Append('\n');
        Heading(text, RecordLayout.ReferencesHeading, "");
        foreach (var reference in record.References) text.Append("- [").Append(reference.Text).Append("](").Append(reference.Url).Append(")\n");
        text.Append('\n');
        Heading(text, RecordLayout.ManualHeading, record.Manual?.ToString() ?? "").Append('\n');
        Heading(text, RecordLayout.RelevanceHeading, record.AnswerRelevance is { } ar ? RecordNumbers.FormatRelevance(ar) : "").Append('\n');
        Heading(text, RecordLayout.AutomatedHeading, record.Automated?.ToString() ?? "").Append('\n');
        Heading(text, RecordLayout.ReasoningHeading, record.Reasoning).Append("\n\n");
        text.Append(RecordLayout.Separator).Append('\n');
    }

    static StringBuilder Heading(StringBuilder text, string name, string value)
    {
        text.Append("**").Append(name).Append("**:");
        if (value.Length > 0) text.Append(' ').Append(value);
        return text.Append('\n');
    }

    static StringBuilder Field(StringBuilder text, string name, string value)
    {
        text.Append("- *").Append(name).Append(":*");
        if (value.Length > 0) text.Append(' ').Append(value);
        return text.Append('\n');
    }
}
