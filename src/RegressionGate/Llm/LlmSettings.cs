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

    /// <summary>How long one attempt of a call may take, in seconds, before it is abandoned (and retried while retries remain).</summary>
    public double TimeoutSeconds { get; init; } = new LlmClientOptions().Timeout.TotalSeconds;

    /// <summary>Attempts after the first, for throttling, server errors, timeouts and dropped connections.</summary>
    public int Retries { get; init; } = new LlmClientOptions().MaxRetries;

    /// <summary>
    /// How long all of a run's model calls may take together, in seconds, retries and waits included; none when null.
    /// Once it has passed, calls in flight are abandoned and the answers not yet judged fail, naming this setting.
    /// </summary>
    public double? DeadlineSeconds { get; init; }

    /// <summary><see cref="DeadlineSeconds"/> as a span; null when there is none.</summary>
    internal TimeSpan? Deadline() => DeadlineSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>How messages name the settings that cut a call short.</summary>
    internal const string TimeoutSetting = "llm.timeoutSeconds in gate.json";

    /// <inheritdoc cref="TimeoutSetting"/>
    internal const string DeadlineSetting = "llm.deadlineSeconds in gate.json";

    /// <summary>The live client's patience under these settings.</summary>
    internal LlmClientOptions ClientOptions() => new() { Timeout = TimeSpan.FromSeconds(TimeoutSeconds), MaxRetries = Retries };

    /// <summary>Reads the <c>llm</c> section; every field is optional. Seconds may be fractional (0.5).</summary>
    internal static LlmSettings Read(JsonFields section)
    {
        section.RejectUnknown("mode", "parallel", "timeoutSeconds", "retries", "deadlineSeconds", "batch");
        var defaults = new LlmSettings();
        var deadline = section.OptionalDouble("deadlineSeconds", double.NaN, 0.001, 7 * 24 * 3600);
        return new LlmSettings
        {
            Mode = RecordingModes.Parse(section.OneOf("mode", RecordingModes.Names, defaults.Mode.Name())),
            Parallel = section.OptionalInt("parallel", defaults.Parallel, 1, 256),
            TimeoutSeconds = section.OptionalDouble("timeoutSeconds", defaults.TimeoutSeconds, 0.001, 24 * 3600),
            Retries = section.OptionalInt("retries", defaults.Retries, 0, 10),
            DeadlineSeconds = double.IsNaN(deadline) ? null : deadline,
            Batch = BatchSettings.Read(section.Object("batch")),
        };
    }
}
