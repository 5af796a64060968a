using RegressionGate.Environments;

namespace RegressionGate.Llm;

/// <summary>Settings of a <see cref="RecordingChatClient"/> beyond its mode.</summary>
internal sealed record RecordingOptions
{
    /// <summary>Quoted by a replay miss as the way to record what is missing.</summary>
    public string RecordCommand { get; init; } = ToolCommand.Current.With("run --llm record");

    /// <summary>Stamps <c>recordedAt</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The provenance written into new recordings.</summary>
    public RecordingProvenance Provenance { get; init; } = RecordingProvenance.Recorded();
}
