using System.Text.Encodings.Web;
using System.Text.Json;
using RegressionGate.Golden;

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
    };

    public static string Json() => JsonSerializer.Serialize(new GateSettings(), Options) + "\n";
}
