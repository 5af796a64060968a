using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RegressionGate.Gate;
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
        Converters = { new RecordingModeName() },
    };

    public static string Json() => JsonSerializer.Serialize(new GateSettings(), Options) + "\n";

    /// <summary><c>llm.mode</c> as gate.json spells it (<c>replay</c>), not as the enum's number.</summary>
    sealed class RecordingModeName : JsonConverter<RecordingMode>
    {
        public override RecordingMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            RecordingModes.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, RecordingMode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
    }
}
