using Microsoft.Extensions.AI;
using RegressionGate.Environments;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;

namespace RegressionGate.Gate;

/// <summary>
/// The run's one way to the LLM, opened on first use and shared by the judge and the answer generator: the recording
/// client the run's mode asks for (or, when planning, a <see cref="PlanningChatClient"/> that calls nothing; with
/// <c>--batch</c>, the batch recorder's collector in front of it), with a
/// tally of the recordings it used. Opening it throws <see cref="LlmConfigurationException"/> when the mode needs a model
/// that is not configured.
/// </summary>
internal sealed class ModelAccess(GateInput input, RecordingMode mode, IEnvironmentVariables environment, bool plan) : IDisposable
{
    readonly Lock gate = new();
    LlmSetup? setup;
    RecordingTally? tally;
    PlanningChatClient? planner;

    /// <summary>Records the calls that need the model through the Batch API (<c>--batch</c>); none when null.</summary>
    public BatchRecorder? Batch { get; init; }

    /// <summary>What a replay miss tells the user to run.</summary>
    public RecordingOptions RecordingOptions { get; } = new()
    {
        RecordCommand = ToolCommand.Current.With($"run --golden {ToolCommand.Argument(input.Golden.Directory)} --llm record"),
    };

    /// <summary>The client and the model name its recording keys use, opened on first call.</summary>
    public (IChatClient Client, string Model) Open()
    {
        lock (gate)
        {
            if (setup is null)
            {
                var llmEnvironment = LlmEnvironmentVariables.All.ToDictionary(name => name, environment.Get, StringComparer.Ordinal);
                setup = LlmSetup.Create(plan ? RecordingMode.Replay : mode, input.Golden.RecordingsDirectory, llmEnvironment,
                    input.Settings.Judge.Model, input.Settings.Llm.ClientOptions(), RecordingOptions);
                IChatClient client = setup.RecordingClient;
                if (plan) client = planner = Planner(setup.RecordingClient, mode);
                else if (Batch is not null && setup.Connection is { } connection)
                    client = Batch.Attach(setup.RecordingClient, connection, input.Settings.Llm.ClientOptions());
                tally = new RecordingTally(client, setup.RecordingClient.Store);
            }
            return (tally!, setup.Model);
        }
    }

    /// <summary>The tally of recordings used, once opened.</summary>
    public RecordingTally? Tally => tally;

    /// <summary>The planner, once opened for a plan.</summary>
    public PlanningChatClient? Planner() => planner;

    /// <summary>A planner over <paramref name="recording"/> for a run in <paramref name="mode"/>: refresh and live call for every request.</summary>
    public static PlanningChatClient Planner(RecordingChatClient recording, RecordingMode mode) =>
        new(recording, mode is RecordingMode.Refresh or RecordingMode.Live, Placeholder);

    /// <summary>
    /// What a planned call answers, so planning goes on: a generated answer of three statements (what groundedness will
    /// grade is unknown until it is generated), else a judge's verdict.
    /// </summary>
    static string Placeholder(CanonicalRequest request) => request.PromptVersion == GroundedAnswer.PromptVersion
        ? "Esta resposta ainda não foi gerada. Ela é só um marcador do plano. Ela conta como três afirmações."
        : "Criteria: planned.\nSupporting Evidence: not called yet.\nScore: 3";

    public void Dispose() => setup?.Dispose();
}
