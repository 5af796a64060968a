using System.Text;
using System.Text.Json;
using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Retrieval;

/// <summary>Reads a run file (see <see cref="RunFileEntry"/>), checking every segment id against the corpus; faults name file, line and field.</summary>
internal static class RunFileReader
{
    public static IReadOnlyList<RunFileEntry> Read(string path, string displayName, IReadOnlySet<string> segmentIds)
    {
        if (!File.Exists(path)) throw new InputFileException(displayName, null, null, "the run file is missing");
        return Parse(File.ReadAllBytes(path), displayName, segmentIds);
    }

    /// <summary>Parses run-file bytes, so a caller can hash exactly the bytes it read.</summary>
    public static IReadOnlyList<RunFileEntry> Parse(byte[] bytes, string displayName, IReadOnlySet<string> segmentIds)
    {
        string text;
        try
        {
            text = StrictUtf8.Encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputFileException(displayName, 1 + bytes.AsSpan(0, Math.Clamp(e.Index, 0, bytes.Length)).Count((byte)'\n'), null, "the file is not valid UTF-8");
        }
        if (text.StartsWith('\uFEFF')) text = text[1..];

        var entries = new List<RunFileEntry>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new StringReader(text);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var document = ParseLine(line, displayName, lineNumber);
            var f = new JsonFields(document.RootElement, displayName, lineNumber);
            f.RejectUnknown("questionId", "source", "ranking");
            var questionId = f.RequiredId("questionId");
            if (!firstLine.TryAdd(questionId, lineNumber))
                throw f.Error("questionId", $"question '{questionId}' already has a ranking on line {firstLine[questionId]}");
            var source = f.RequiredString("source");
            var ranking = Ranking(document.RootElement, f, displayName, lineNumber, segmentIds);
            entries.Add(RunFileEntry.Create(questionId, source, ranking));
        }
        return entries;
    }

    static List<(string Id, double Score)> Ranking(JsonElement root, JsonFields f, string displayName, int line, IReadOnlySet<string> segmentIds)
    {
        if (!root.TryGetProperty("ranking", out var ranking) || ranking.ValueKind == JsonValueKind.Null) throw f.Error("ranking", "is missing");
        if (ranking.ValueKind != JsonValueKind.Array) throw f.Error("ranking", $"must be an array of {{\"id\", \"score\"}} objects, found {JsonLines.Describe(ranking.ValueKind)}");
        var scored = new List<(string, double)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in ranking.EnumerateArray())
        {
            var path = $"ranking[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
                throw new InputFileException(displayName, line, path, $"must be an object with \"id\" and \"score\", found {JsonLines.Describe(item.ValueKind)}");
            var entry = new JsonFields(item, displayName, _ => line, path);
            entry.RejectUnknown("id", "score");
            var id = entry.RequiredId("id");
            if (!segmentIds.Contains(id)) throw entry.Error("id", $"segment '{id}' is not in {GoldenSet.CorpusFile}");
            if (!seen.TryAdd(id, index)) throw entry.Error("id", $"segment '{id}' is ranked twice (first at ranking[{seen[id]}])");
            if (!entry.Has("score")) throw entry.Error("score", "is missing");
            scored.Add((id, entry.OptionalDouble("score", double.NaN)));
            index++;
        }
        return scored;
    }

    static JsonDocument ParseLine(string line, string displayName, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new InputFileException(displayName, lineNumber, null, $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {JsonLines.FirstSentence(e.Message)}");
        }
        var kind = document.RootElement.ValueKind;
        var duplicate = kind == JsonValueKind.Object ? JsonDuplicates.Find(document.RootElement) : null;
        if (kind == JsonValueKind.Object && duplicate is null) return document;
        document.Dispose();
        throw duplicate is null
            ? new InputFileException(displayName, lineNumber, null, $"expected a JSON object, found {JsonLines.Describe(kind)}")
            : new InputFileException(displayName, lineNumber, duplicate, JsonDuplicates.Problem);
    }
}
