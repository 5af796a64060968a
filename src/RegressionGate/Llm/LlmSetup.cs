using Microsoft.Extensions.AI;
using static RegressionGate.Llm.LlmEnvironmentVariables;

namespace RegressionGate.Llm;

/// <summary>
/// The chat client a run judges with: a <see cref="RecordingChatClient"/> over the live model the environment
/// configures (or over nothing, in replay mode), and the model name its recording keys use.
/// </summary>
internal sealed class LlmSetup : IDisposable
{
    LlmSetup(RecordingChatClient client, LlmConnection? connection)
    {
        RecordingClient = client;
        Connection = connection;
    }

    /// <summary>What judges talk to.</summary>
    public IChatClient Client => RecordingClient;

    public RecordingChatClient RecordingClient { get; }

    /// <summary>The model or deployment name recording keys use; put it in the judge's identity.</summary>
    public string Model => RecordingClient.Model;

    public RecordingMode Mode => RecordingClient.Mode;

    /// <summary>The live model, or <c>null</c> in replay mode.</summary>
    public LlmConnection? Connection { get; }

    /// <summary>
    /// Builds the client for <paramref name="mode"/>. Replay needs no model, only its name: <paramref name="model"/>
    /// (the judge model the gate's settings name), else the deployment or model in the environment. The other modes
    /// need a complete configuration in <paramref name="environment"/>, and when <paramref name="model"/> is given it
    /// must equal the configured deployment or model, so new recordings land under the name replay will look for.
    /// Throws <see cref="LlmConfigurationException"/> (exit code 2) naming what to set.
    /// </summary>
    public static LlmSetup Create(
        RecordingMode mode,
        string recordingsDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string? model = null,
        LlmClientOptions? clientOptions = null,
        RecordingOptions? recordingOptions = null)
    {
        var store = new RecordingStore(recordingsDirectory);
        if (!mode.CallsModel())
        {
            var name = model ?? Named(environment, AzureDeployment) ?? Named(environment, OpenAIModel) ?? throw new LlmConfigurationException(
                "Replay needs the name of the model the recordings were made with: set the judge model in gate.json, " +
                $"or {AzureDeployment} (Azure OpenAI) or {OpenAIModel}.",
                [AzureDeployment, OpenAIModel]);
            var replay = new RecordingChatClient(new UnconfiguredChatClient($"--llm {mode.Name()}"), store, mode, name, recordingOptions);
            return new LlmSetup(replay, null);
        }

        var connection = LlmConnection.Require(environment, $"--llm {mode.Name()}");
        if (model is not null && model != connection.Model)
        {
            var variable = connection.Provider == LlmProvider.AzureOpenAI ? AzureDeployment : OpenAIModel;
            throw new LlmConfigurationException(
                $"The judge model is '{model}' but {variable} is '{connection.Model}'. Recordings are keyed by this name, so " +
                $"set {variable} to '{model}', or change the judge model in gate.json.",
                [variable]);
        }
        recordingOptions ??= new RecordingOptions();
        if (recordingOptions.Provenance.Source == RecordingProvenance.RecordedSource && recordingOptions.Provenance["provider"] is null)
            recordingOptions = recordingOptions with { Provenance = RecordingProvenance.Recorded(connection.Provider) };
        var live = LlmClientFactory.Create(connection, clientOptions);
        return new LlmSetup(new RecordingChatClient(live, store, mode, connection.Model, recordingOptions), connection);
    }

    public void Dispose() => Client.Dispose();

    static string? Named(IReadOnlyDictionary<string, string?> environment, string variable) =>
        environment.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
