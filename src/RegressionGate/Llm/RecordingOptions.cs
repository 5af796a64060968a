namespace RegressionGate.Llm;

/// <summary>Settings of a <see cref="RecordingChatClient"/> beyond its mode.</summary>
internal sealed record RecordingOptions
{
    public const string DefaultRecordCommand = "regression-gate run --llm record";

    /// <summary>Quoted by a replay miss as the way to record what is missing.</summary>
    public string RecordCommand { get; init; } = DefaultRecordCommand;

    /// <summary>Stamps <c>recordedAt</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The provenance written into new recordings.</summary>
    public RecordingProvenance Provenance { get; init; } = RecordingProvenance.Recorded();
}
