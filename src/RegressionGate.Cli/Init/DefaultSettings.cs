using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;

namespace RegressionGate.Cli.Init;

/// <summary>
/// The <c>gate.json</c> that <c>init</c> writes: every setting with its default, written out from the settings types
/// themselves, so the file can never disagree with what an absent field means.
/// </summary>
static class DefaultSettings
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new RecordingModeName(), new AnswerSourceName(), new MetricName() },
    };

    /// <param name="judgeModel">The judge model to name (<c>init --judge-model</c>); null, the default, when not given.</param>
    public static string Json(string? judgeModel = null) =>
        JsonSerializer.Serialize(new GateSettings { Judge = new Judging.JudgeSettings { Model = judgeModel } }, Options) + "\n";

    /// <summary><c>llm.mode</c> as gate.json spells it (<c>replay</c>), not as the enum's number.</summary>
    sealed class RecordingModeName : JsonConverter<RecordingMode>
    {
        public override RecordingMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            RecordingModes.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, RecordingMode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
    }

    /// <summary><c>answers.source</c> as gate.json spells it (<c>golden</c>).</summary>
    sealed class AnswerSourceName : JsonConverter<AnswerSource>
    {
        public override AnswerSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            AnswerSources.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, AnswerSource value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
    }

    /// <summary>A metric of <c>judge.metrics</c> by its name (<c>answer-relevance</c>), as the reader takes it; its rules are the defaults.</summary>
    sealed class MetricName : JsonConverter<JudgeMetric>
    {
        public override JudgeMetric Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var name = reader.GetString();
            return MetricRegistry.BuiltIn.Defaults.FirstOrDefault(m => m.Name == name) ?? throw new JsonException($"'{name}' is not a built-in metric");
        }

        public override void Write(Utf8JsonWriter writer, JudgeMetric value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }
}
