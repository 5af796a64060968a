using RegressionGate.Golden;

namespace RegressionGate.Llm;

/// <summary>What the recording client does with the <c>recordings/</c> folder (<c>--llm</c>).</summary>
public enum RecordingMode
{
    /// <summary>Answer only from recordings; a miss fails the question. Needs no model (CI's default).</summary>
    Replay,
    /// <summary>Answer from recordings; on a miss call the model and save its answer.</summary>
    Record,
    /// <summary>Call the model for every request and overwrite its recording.</summary>
    Refresh,
    /// <summary>Call the model; never read or write recordings.</summary>
    Live,
}

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
