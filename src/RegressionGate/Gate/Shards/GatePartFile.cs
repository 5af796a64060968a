using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RegressionGate.Answers;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.ModelCalls;
using RegressionGate.Retrieval;
using RegressionGate.Sharding;
using RegressionGate.Snapshots;

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
            w.WritePairs("retriever", part.Retriever.Properties);
            w.WritePairs("answerSource", part.AnswerSource.Properties);
            w.WriteStartArray("metricJudges");
            foreach (var (metric, judge) in part.MetricJudges)
            {
                w.WriteStartObject();
                w.WriteString("metric", metric);
                w.WritePairs("judge", judge.Properties);
                w.WriteEndObject();
            }
            w.WriteEndArray();
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
        switch (question.Answer)
        {
            case AnswerUnderTest answer:
                w.WriteStartObject("answer");
                w.WriteString("text", answer.Text);
                Strings(w, "context", answer.Context.Select(c => c.Id));
                Strings(w, "references", answer.References.Select(c => c.Id));
                w.WriteEndObject();
                break;
            case AnswerFailure failure:
                WriteFailure(w, "answerFailure", failure.Kind.ToString(), failure.Message, failure.RawOutput, failure.RecordingKey);
                break;
            default:
                w.WriteNull("answer");
                break;
        }
        w.WriteStartArray("metrics");
        foreach (var (metric, outcome) in question.Metrics)
        {
            w.WriteStartObject();
            w.WriteString("metric", metric);
            WriteOutcome(w, outcome);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteOutcome(Utf8JsonWriter w, JudgeOutcome? outcome)
    {
        switch (outcome)
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
            case MetricJudgment m:
                w.WriteStartObject("parts");
                if (m.Normalised is { } normalised) w.WriteNumber("normalised", normalised); else w.WriteNull("normalised");
                w.WriteStartArray("parts");
                foreach (var part in m.Parts)
                {
                    w.WriteStartObject();
                    w.WriteString("unit", part.Unit.Id);
                    w.WriteString("text", part.Unit.Text);
                    w.WriteStartArray("scores");
                    foreach (var score in part.Scores) w.WriteNumberValue(score);
                    w.WriteEndArray();
                    w.WriteNumber("score", part.Score);
                    w.WriteNumber("normalised", part.Normalised);
                    w.WriteString("reasoning", part.Reasoning);
                    w.WriteNumber("spread", part.Spread);
                    w.WriteBoolean("flagged", part.Flagged);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case JudgeFailure f:
                WriteFailure(w, "failure", f.Kind.ToString(), f.Message, f.RawOutput, f.RecordingKey);
                break;
            case null:
                w.WriteNull("outcome");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "a judge outcome the part file does not know");
        }
    }

    /// <summary>An answer's or a judge's failure: the same four fields, its kind named by its own enum.</summary>
    static void WriteFailure(Utf8JsonWriter w, string name, string kind, string message, string? rawOutput, string? recordingKey)
    {
        w.WriteStartObject(name);
        w.WriteString("kind", kind);
        w.WriteString("message", message);
        OptionalString(w, "rawOutput", rawOutput);
        OptionalString(w, "recordingKey", recordingKey);
        w.WriteEndObject();
    }

    static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    /// <summary>
    /// Reads the part file at <paramref name="path"/>; <paramref name="display"/> is how errors name it. Answers' segments
    /// are looked up in <paramref name="golden"/>'s corpus.
    /// </summary>
    public static GatePart Read(string path, string display, GoldenSet golden)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new InputFileException(display, (int?)e.LineNumber + 1, null, $"not valid JSON ({e.Message.Split('.')[0]}); was it cut short while copying?"); }
        catch (IOException e) { throw new InputFileException(display, null, null, $"cannot be read: {e.Message}"); }
        using (document)
        {
            var reader = new Reader(display, golden);
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
            var answerSource = new AnswerIdentity(reader.Map(reader.Get(root, "answerSource"), "answerSource"));
            var metricJudges = reader.Array(reader.Get(root, "metricJudges"), "metricJudges").Select((e, i) =>
            {
                var at = $"metricJudges[{i}]";
                reader.Object(e, at);
                return (reader.String(e, "metric", $"{at}.metric"), new JudgeIdentity(reader.Map(reader.Get(e, "judge", at), $"{at}.judge")));
            }).ToList();
            var recordings = reader.Map(reader.Get(root, "recordings"), "recordings", e => reader.Int(e, "recordings"))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var elapsed = reader.Get(root, "elapsedSeconds");
            var questions = reader.Get(root, "questions");
            if (questions.ValueKind != JsonValueKind.Array) throw reader.Fault("questions", "must be an array");
            return new GatePart(
                new Shard(index, count),
                fingerprint,
                retriever,
                answerSource,
                metricJudges,
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
        AnswerOutcome? answer = null;
        if (element.TryGetProperty("answerFailure", out var af))
        {
            var where = $"{at}.answerFailure";
            reader.Object(af, where);
            answer = new AnswerFailure(reader.Enum<ModelCallFailure>(af, "kind", $"{where}.kind"), reader.String(af, "message", $"{where}.message"),
                reader.OptionalString(af, "rawOutput", $"{where}.rawOutput"), reader.OptionalString(af, "recordingKey", $"{where}.recordingKey"));
        }
        else if (reader.Get(element, "answer", at) is { ValueKind: not JsonValueKind.Null } a)
        {
            var where = $"{at}.answer";
            reader.Object(a, where);
            answer = new AnswerUnderTest(reader.String(a, "text", $"{where}.text"),
                reader.Segments(reader.Get(a, "context", where), $"{where}.context"), reader.Segments(reader.Get(a, "references", where), $"{where}.references"));
        }
        var metrics = reader.Array(reader.Get(element, "metrics", at), $"{at}.metrics").Select((m, i) =>
        {
            var where = $"{at}.metrics[{i}]";
            reader.Object(m, where);
            return (reader.String(m, "metric", $"{where}.metric"), ReadOutcome(reader, m, where));
        }).ToList();
        return new GatePart.Question(reader.String(element, "id", $"{at}.id"), entries, answer, metrics);
    }

    static JudgeOutcome? ReadOutcome(Reader reader, JsonElement element, string at)
    {
        if (element.TryGetProperty("judgment", out var j))
        {
            var where = $"{at}.judgment";
            reader.Object(j, where);
            var label = reader.String(j, "label", $"{where}.label");
            return new Judgment(
                reader.Array(reader.Get(j, "scores", where), $"{where}.scores").Select((s, i) => reader.Int(s, $"{where}.scores[{i}]")).ToList(),
                reader.Int(reader.Get(j, "score", where), $"{where}.score"),
                reader.Double(reader.Get(j, "normalised", where), $"{where}.normalised"),
                Labels.TryParse(label, out var parsed) ? parsed : throw reader.Fault($"{where}.label", $"'{label}' is not C, P or I"),
                reader.String(j, "reasoning", $"{where}.reasoning"),
                reader.Int(reader.Get(j, "spread", where), $"{where}.spread"),
                reader.Bool(reader.Get(j, "flaky", where), $"{where}.flaky"));
        }
        if (element.TryGetProperty("parts", out var p))
        {
            var where = $"{at}.parts";
            reader.Object(p, where);
            var normalised = reader.Get(p, "normalised", where);
            var parts = reader.Array(reader.Get(p, "parts", where), $"{where}.parts").Select((e, i) =>
            {
                var part = $"{where}.parts[{i}]";
                reader.Object(e, part);
                return new PartJudgment(
                    new MetricUnit(reader.String(e, "unit", $"{part}.unit"), reader.String(e, "text", $"{part}.text")),
                    reader.Array(reader.Get(e, "scores", part), $"{part}.scores").Select((s, k) => reader.Double(s, $"{part}.scores[{k}]")).ToList(),
                    reader.Double(reader.Get(e, "score", part), $"{part}.score"),
                    reader.Double(reader.Get(e, "normalised", part), $"{part}.normalised"),
                    reader.String(e, "reasoning", $"{part}.reasoning"),
                    reader.Double(reader.Get(e, "spread", part), $"{part}.spread"),
                    reader.Bool(reader.Get(e, "flagged", part), $"{part}.flagged"));
            }).ToList();
            return new MetricJudgment(normalised.ValueKind == JsonValueKind.Null ? null : reader.Double(normalised, $"{where}.normalised"), parts);
        }
        if (element.TryGetProperty("failure", out var f))
        {
            var where = $"{at}.failure";
            reader.Object(f, where);
            return new JudgeFailure(reader.Enum<JudgeFailureKind>(f, "kind", $"{where}.kind"), reader.String(f, "message", $"{where}.message"),
                reader.OptionalString(f, "rawOutput", $"{where}.rawOutput"), reader.OptionalString(f, "recordingKey", $"{where}.recordingKey"));
        }
        if (element.TryGetProperty("outcome", out var none) && none.ValueKind == JsonValueKind.Null) return null;
        throw reader.Fault(at, "has no judgment, parts, failure or null outcome");
    }

    /// <summary>Strict accessors that name the file and field of any fault.</summary>
    sealed class Reader(string display, GoldenSet golden)
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

        public bool Bool(JsonElement element, string field) => element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fault(field, "must be true or false"),
        };

        public IEnumerable<JsonElement> Array(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw Fault(field, "must be an array");

        public T Enum<T>(JsonElement element, string name, string field) where T : struct, System.Enum
        {
            var text = String(element, name, field);
            return System.Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => v.ToString() == text)
                ?? throw Fault(field, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
        }

        /// <summary>Segments by id, each one of the golden set's corpus.</summary>
        public List<Segment> Segments(JsonElement element, string field) =>
            Array(element, field).Select((e, i) => e.ValueKind == JsonValueKind.String
                ? golden.FindSegment(e.GetString()!) ?? throw Fault($"{field}[{i}]", $"segment '{e.GetString()}' is not in the corpus of {golden.Directory}")
                : throw Fault($"{field}[{i}]", "must be a segment id")).ToList();

        public double Double(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Number ? element.GetDouble() : throw Fault(field, "must be a number");

        public List<KeyValuePair<string, string>> Map(JsonElement element, string field) =>
            Map(element, field, e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Fault(field, "values must be strings"));

        public List<KeyValuePair<string, T>> Map<T>(JsonElement element, string field, Func<JsonElement, T> value) =>
            Object(element, field).EnumerateObject().Select(p => new KeyValuePair<string, T>(p.Name, value(p.Value))).ToList();
    }
}
