using RegressionGate.Golden;

namespace RegressionGate.Llm;

/// <summary>The names <c>gate.json</c> and <c>--llm</c> use for <see cref="RecordingMode"/> (<see cref="LlmModes"/>).</summary>
public static class RecordingModes
{
    public static bool TryParse(string? text, out RecordingMode mode)
    {
        (var ok, mode) = text switch
        {
            LlmModes.Replay => (true, RecordingMode.Replay),
            LlmModes.Record => (true, RecordingMode.Record),
            LlmModes.Refresh => (true, RecordingMode.Refresh),
            LlmModes.Live => (true, RecordingMode.Live),
            _ => (false, RecordingMode.Replay),
        };
        return ok;
    }

    public static string Name(this RecordingMode mode) => mode switch
    {
        RecordingMode.Replay => LlmModes.Replay,
        RecordingMode.Record => LlmModes.Record,
        RecordingMode.Refresh => LlmModes.Refresh,
        RecordingMode.Live => LlmModes.Live,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Whether the mode may call a model, and so needs one configured.</summary>
    public static bool CallsModel(this RecordingMode mode) => mode != RecordingMode.Replay;
}
