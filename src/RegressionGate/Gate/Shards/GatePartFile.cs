using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Sharding;

namespace RegressionGate.Gate.Shards;

/// <summary>
/// <see cref="GatePart"/> as JSON, both ways. Scores are written as the shortest text that reads back to the same
/// double, so merge computes with exactly the numbers the shard measured. Written atomically; read strictly, every
/// fault one <see cref="InputFileException"/> naming the file and field.
/// </summary>
internal static class GatePartFile
{
    public static void Write(GatePart part, string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, GatePart.FileName), Render(part));
    }

    public static string Render(GatePart part)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", GatePart.Schema);
            w.WriteStartObject("shard");
            w.WriteNumber("index", part.Shard.Index);
            w.WriteNumber("count", part.Shard.Count);
            w.WriteEndObject();
            w.WriteStartObject("fingerprint");
            w.WriteString("golden", part.Fingerprint.Golden);
            w.WriteString("settings", part.Fingerprint.Settings);
            w.WriteString("overrides", part.Fingerprint.Overrides);
            w.WriteEndObject();
            Map(w, "retriever", part.Retriever.Properties);
            if (part.Judge is null) w.WriteNull("judge");
            else Map(w, "judge", part.Judge.Properties);
            w.WriteString("llmMode", part.LlmMode);
            w.WriteStartObject("recordings");
            foreach (var (source, count) in part.Recordings.OrderBy(r => r.Key, StringComparer.Ordinal)) w.WriteNumber(source, count);
            w.WriteEndObject();
            w.WriteNumber("elapsedSeconds", part.Elapsed.TotalSeconds);
            w.WriteStartArray("questions");
            foreach (var question in part.Questions) WriteQuestion(w, question);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    static void WriteQuestion(Utf8JsonWriter w, GatePart.Question question)
    {
        w.WriteStartObject();
        w.WriteString("id", question.Id);
        w.WriteStartArray("ranking");
        foreach (var entry in question.Ranking)
        {
            w.WriteStartObject();
            w.WriteNumber("rank", entry.Rank);
            w.WriteString("id", entry.Id);
            w.WriteNumber("score", entry.Score);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        switch (question.Judged)
        {
            case Judgment j:
                w.WriteStartObject("judgment");
                w.WriteStartArray("scores");
                foreach (var score in j.Scores) w.WriteNumberValue(score);
                w.WriteEndArray();
                w.WriteNumber("score", j.Score);
                w.WriteNumber("normalised", j.Normalised);
                w.WriteString("label", j.Label.ToString());
                w.WriteString("reasoning", j.Reasoning);
                w.WriteNumber("spread", j.Spread);
                w.WriteBoolean("flaky", j.Flaky);
                w.WriteEndObject();
                break;
            case JudgeFailure f:
                w.WriteStartObject("failure");
                w.WriteString("kind", f.Kind.ToString());
                w.WriteString("message", f.Message);
                if (f.RawOutput is null) w.WriteNull("rawOutput"); else w.WriteString("rawOutput", f.RawOutput);
                if (f.RecordingKey is null) w.WriteNull("recordingKey"); else w.WriteString("recordingKey", f.RecordingKey);
                w.WriteEndObject();
                break;
        }
        w.WriteEndObject();
    }

    static void Map(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, string>> properties)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in properties) w.WriteString(key, value);
        w.WriteEndObject();
    }

    /// <summary>Reads the part file at <paramref name="path"/>; <paramref name="display"/> is how errors name it.</summary>
    public static GatePart Read(string path, string display)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new InputFileException(display, (int?)e.LineNumber + 1, null, $"not valid JSON ({e.Message.Split('.')[0]}); was it cut short while copying?"); }
        catch (IOException e) { throw new InputFileException(display, null, null, $"cannot be read: {e.Message}"); }
        using (document)
        {
            var reader = new Reader(display);
            var root = reader.Object(document.RootElement, "");
            var schema = reader.String(root, "schema");
            if (schema != GatePart.Schema)
                throw new InputFileException(display, null, "schema", $"'{schema}' is not {GatePart.Schema}; the part was written by another version of the tool");
            var shardElement = reader.Object(reader.Get(root, "shard"), "shard");
            var count = reader.Int(shardElement, "count", "shard.count");
            var index = reader.Int(shardElement, "index", "shard.index");
            if (count is < 1 or > Shard.MaxCount || index < 1 || index > count)
                throw new InputFileException(display, null, "shard", $"{index}/{count} is not a shard");
            var fingerprintElement = reader.Object(reader.Get(root, "fingerprint"), "fingerprint");
            var fingerprint = new GateFingerprint(
                reader.String(fingerprintElement, "golden", "fingerprint.golden"),
                reader.String(fingerprintElement, "settings", "fingerprint.settings"),
                reader.String(fingerprintElement, "overrides", "fingerprint.overrides"));
            var retriever = new RetrieverIdentity(reader.Map(reader.Get(root, "retriever"), "retriever"));
            var judgeElement = reader.Get(root, "judge");
            var judge = judgeElement.ValueKind == JsonValueKind.Null ? null : new JudgeIdentity(reader.Map(judgeElement, "judge"));
            var recordings = reader.Map(reader.Get(root, "recordings"), "recordings", e => reader.Int(e, "recordings"))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var elapsed = reader.Get(root, "elapsedSeconds");
            var questions = reader.Get(root, "questions");
            if (questions.ValueKind != JsonValueKind.Array) throw reader.Fault("questions", "must be an array");
            return new GatePart(
                new Shard(index, count),
                fingerprint,
                retriever,
                judge,
                reader.String(root, "llmMode"),
                recordings,
                TimeSpan.FromSeconds(elapsed.ValueKind == JsonValueKind.Number ? elapsed.GetDouble() : throw reader.Fault("elapsedSeconds", "must be a number")),
                questions.EnumerateArray().Select((q, i) => ReadQuestion(reader, q, $"questions[{i}]")).ToList());
        }
    }

    static GatePart.Question ReadQuestion(Reader reader, JsonElement element, string at)
    {
        reader.Object(element, at);
        var ranking = reader.Get(element, "ranking", at);
        if (ranking.ValueKind != JsonValueKind.Array) throw reader.Fault($"{at}.ranking", "must be an array");
        var entries = ranking.EnumerateArray().Select((e, i) =>
        {
            var where = $"{at}.ranking[{i}]";
            reader.Object(e, where);
            return new RankedSegment(reader.Int(reader.Get(e, "rank", where), $"{where}.rank"), reader.String(e, "id", $"{where}.id"),
                reader.Double(reader.Get(e, "score", where), $"{where}.score"));
        }).ToList();
        JudgeOutcome? judged = null;
        if (element.TryGetProperty("judgment", out var j))
        {
            var where = $"{at}.judgment";
            reader.Object(j, where);
            var scores = reader.Get(j, "scores", where);
            if (scores.ValueKind != JsonValueKind.Array) throw reader.Fault($"{where}.scores", "must be an array");
            var label = reader.String(j, "label", $"{where}.label");
            judged = new Judgment(
                scores.EnumerateArray().Select((s, i) => reader.Int(s, $"{where}.scores[{i}]")).ToList(),
                reader.Int(reader.Get(j, "score", where), $"{where}.score"),
                reader.Double(reader.Get(j, "normalised", where), $"{where}.normalised"),
                Labels.TryParse(label, out var parsed) ? parsed : throw reader.Fault($"{where}.label", $"'{label}' is not C, P or I"),
                reader.String(j, "reasoning", $"{where}.reasoning"),
                reader.Int(reader.Get(j, "spread", where), $"{where}.spread"),
                reader.Get(j, "flaky", where).ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw reader.Fault($"{where}.flaky", "must be true or false"),
                });
        }
        else if (element.TryGetProperty("failure", out var f))
        {
            var where = $"{at}.failure";
            reader.Object(f, where);
            var kind = reader.String(f, "kind", $"{where}.kind");
            judged = new JudgeFailure(
                Enum.TryParse<JudgeFailureKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !kind.Any(char.IsDigit)
                    ? parsed
                    : throw reader.Fault($"{where}.kind", $"'{kind}' is not a judge failure kind"),
                reader.String(f, "message", $"{where}.message"),
                reader.OptionalString(f, "rawOutput", $"{where}.rawOutput"),
                reader.OptionalString(f, "recordingKey", $"{where}.recordingKey"));
        }
        return new GatePart.Question(reader.String(element, "id", $"{at}.id"), entries, judged);
    }

    /// <summary>Strict accessors that name the file and field of any fault.</summary>
    sealed class Reader(string display)
    {
        public InputFileException Fault(string field, string problem) => new(display, null, field, problem);

        public JsonElement Object(JsonElement element, string at) =>
            element.ValueKind == JsonValueKind.Object ? element : throw Fault(at.Length == 0 ? "(root)" : at, "must be an object");

        public JsonElement Get(JsonElement element, string name, string? at = null) =>
            element.TryGetProperty(name, out var value) ? value : throw Fault(at is null ? name : $"{at}.{name}", "is missing");

        public string String(JsonElement element, string name, string? field = null)
        {
            var value = Get(element, name);
            return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Fault(field ?? name, "must be a string");
        }

        public string? OptionalString(JsonElement element, string name, string field)
        {
            var value = Get(element, name);
            return value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => value.GetString(),
                _ => throw Fault(field, "must be a string or null"),
            };
        }

        public int Int(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : throw Fault(field, "must be a whole number");

        public int Int(JsonElement element, string name, string field) => Int(Get(element, name), field);

        public double Double(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Number ? element.GetDouble() : throw Fault(field, "must be a number");

        public List<KeyValuePair<string, string>> Map(JsonElement element, string field) =>
            Map(element, field, e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Fault(field, "values must be strings"));

        public List<KeyValuePair<string, T>> Map<T>(JsonElement element, string field, Func<JsonElement, T> value) =>
            Object(element, field).EnumerateObject().Select(p => new KeyValuePair<string, T>(p.Name, value(p.Value))).ToList();
    }
}
