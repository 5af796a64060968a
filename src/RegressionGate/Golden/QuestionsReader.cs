using RegressionGate.Files;

namespace RegressionGate.Golden;

/// <summary>Reads <c>questions.jsonl</c>, checking every <c>relevant</c> id against the corpus.</summary>
internal static class QuestionsReader
{
    public static IReadOnlyList<GoldenQuestion> Read(string path, string displayName, IReadOnlySet<string> segmentIds)
    {
        var questions = new List<GoldenQuestion>();
        var ids = new UniqueIds("question", "their snapshots would be one file on Windows and macOS");
        foreach (var (line, value) in JsonLines.Read(path, displayName))
        {
            var f = new JsonFields(value, displayName, line);
            f.RejectUnknown("id", "text", "answer", "manual", "relevant");
            var id = f.RequiredId("id");
            ids.Add(id, line, f);
            var manualText = f.OptionalString("manual");
            Label? manual = null;
            if (manualText is not null)
                manual = Labels.TryParse(manualText, out var label) ? label : throw f.Error("manual", $"'{manualText}' is not a label; use C, P or I");
            var relevant = f.OptionalIdList("relevant");
            foreach (var segmentId in relevant)
            {
                if (!segmentIds.Contains(segmentId))
                    throw f.Error("relevant", $"segment '{segmentId}' is not in {GoldenSet.CorpusFile}");
            }
            if (relevant.Distinct(StringComparer.Ordinal).Count() != relevant.Count)
                throw f.Error("relevant", "lists a segment twice");
            questions.Add(new GoldenQuestion(id, f.RequiredString("text"), f.OptionalString("answer", allowEmpty: false), manual, relevant));
        }
        return questions;
    }
}
