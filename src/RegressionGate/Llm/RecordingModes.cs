namespace RegressionGate.Llm;

/// <summary>The names <c>gate.json</c>'s <c>llm.mode</c> and <c>--llm</c> use for each <see cref="RecordingMode"/>.</summary>
public static class RecordingModes
{
    /// <summary>Every mode's name, in the order help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<RecordingMode>().Select(Name).ToArray();

    /// <summary>The mode a name names; false for anything else.</summary>
    public static bool TryParse(string? text, out RecordingMode mode)
    {
        foreach (var candidate in Enum.GetValues<RecordingMode>())
        {
            if (candidate.Name() != text) continue;
            mode = candidate;
            return true;
        }
        mode = RecordingMode.Replay;
        return false;
    }

    /// <summary>The mode <paramref name="text"/> names; throws for a name that is not in <see cref="Names"/>.</summary>
    public static RecordingMode Parse(string text) =>
        TryParse(text, out var mode) ? mode : throw new ArgumentException($"'{text}' is not one of {string.Join(", ", Names)}", nameof(text));

    /// <summary>How <c>gate.json</c> and the command line write the mode: <c>replay</c>, <c>record</c>, <c>refresh</c>, <c>live</c>.</summary>
    public static string Name(this RecordingMode mode) => mode switch
    {
        RecordingMode.Replay => "replay",
        RecordingMode.Record => "record",
        RecordingMode.Refresh => "refresh",
        RecordingMode.Live => "live",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Whether the mode saves recordings into the golden set (record, refresh).</summary>
    public static bool WritesRecordings(this RecordingMode mode) => mode is RecordingMode.Record or RecordingMode.Refresh;

    /// <summary>Whether the mode may call a model, and so needs one configured.</summary>
    internal static bool CallsModel(this RecordingMode mode) => mode != RecordingMode.Replay;
}
