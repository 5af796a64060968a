using RegressionGate.Files;

namespace RegressionGate.Llm;

/// <summary><c>gate.json</c>'s <c>llm</c> section: how judges reach the model.</summary>
public sealed record LlmSettings
{
    /// <summary>What the recording client does with <c>recordings/</c>.</summary>
    public RecordingMode Mode { get; init; } = RecordingMode.Replay;

    /// <summary>Calls in flight at most.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>How a <c>--batch</c> run polls the Batch API (<c>llm.batch</c>).</summary>
    public BatchSettings Batch { get; init; } = new();

    /// <summary>Reads the <c>llm</c> section; every field is optional.</summary>
    internal static LlmSettings Read(JsonFields section)
    {
        section.RejectUnknown("mode", "parallel", "batch");
        var defaults = new LlmSettings();
        return new LlmSettings
        {
            Mode = RecordingModes.Parse(section.OneOf("mode", RecordingModes.Names, defaults.Mode.Name())),
            Parallel = section.OptionalInt("parallel", defaults.Parallel, 1, 256),
            Batch = BatchSettings.Read(section.Object("batch")),
        };
    }
}
