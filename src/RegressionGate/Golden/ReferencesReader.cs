using System.Text.Json;
using RegressionGate.Files;

namespace RegressionGate.Golden;

/// <summary>
/// Reads <c>references.jsonl</c>: the references printed under each imported answer, kept beside the golden set
/// because <c>questions.jsonl</c> has no place for them and an export must print them back. One question a line:
/// <code>{"questionId":"105","references":[{"text":"Vídeo de referência oculto","url":""}]}</code>
/// </summary>
internal static class ReferencesReader
{
    /// <summary>Each question's references; a missing file holds none.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RecordReference>> Read(string path, string displayName)
    {
        var byQuestion = new Dictionary<string, IReadOnlyList<RecordReference>>(StringComparer.Ordinal);
        if (!File.Exists(path)) return byQuestion;
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, value) in JsonLines.Read(path, displayName))
        {
            var f = new JsonFields(value, displayName, line);
            f.RejectUnknown("questionId", "references");
            var questionId = f.RequiredId("questionId");
            if (!firstLine.TryAdd(questionId, line))
                throw f.Error("questionId", $"question '{questionId}' already has references on line {firstLine[questionId]}");
            if (!value.TryGetProperty("references", out var list) || list.ValueKind != JsonValueKind.Array)
                throw f.Error("references", "must be an array of {\"text\", \"url\"} objects");
            var references = new List<RecordReference>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    throw new InputFileException(displayName, line, $"references[{index}]", $"must be an object, found {JsonLines.Describe(item.ValueKind)}");
                var reference = new JsonFields(item, displayName, _ => line, $"references[{index}]");
                reference.RejectUnknown("text", "url");
                references.Add(new RecordReference(reference.RequiredString("text", allowEmpty: true), reference.RequiredString("url", allowEmpty: true)));
                index++;
            }
            byQuestion[questionId] = references;
        }
        return byQuestion;
    }
}
