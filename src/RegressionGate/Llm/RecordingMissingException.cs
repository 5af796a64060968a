using RegressionGate.ModelCalls;

namespace RegressionGate.Llm;

/// <summary>Replay found no recording for a request. Carries the key and the command that records it; the caller adds the question.</summary>
internal sealed class RecordingMissingException(string key, string path, string recordCommand)
    : ModelCallException($"no recording for this request (key {key}, expected at {path}). Record it with: {recordCommand}")
{
    /// <inheritdoc/>
    public override ModelCallFailure Failure => ModelCallFailure.MissingRecording;

    public override string RecordingKey => Key;

    public string Key { get; } = key;

    public string Path { get; } = path;

    public string RecordCommand { get; } = recordCommand;
}
