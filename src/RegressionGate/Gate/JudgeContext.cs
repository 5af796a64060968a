using Microsoft.Extensions.AI;
using RegressionGate.Environments;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Gate;

/// <summary>What a <see cref="JudgeProvider"/> may use to open its judge for one run.</summary>
/// <param name="Input">The golden set and every setting (<c>judge</c>, <c>labels</c>, and the retriever's, for judges that embed).</param>
/// <param name="Mode">How the run reaches the LLM: replay, record, refresh or live.</param>
/// <param name="Environment">Where the LLM configuration is read from.</param>
public sealed record JudgeContext(GateInput Input, RecordingMode Mode, IEnvironmentVariables Environment)
{
    /// <summary>Where embeddings are kept between runs, shared with the retriever; none when null.</summary>
    internal EmbeddingCache? Cache { get; init; }

    /// <summary>Records the run's model calls through the Batch API (<c>--batch</c>); none when null.</summary>
    internal BatchRecorder? Batch { get; init; }

    /// <summary>
    /// Opens a judge that talks to an LLM through the recording client: <paramref name="create"/> gets the client (which
    /// replays, records or calls as <see cref="Mode"/> says, keyed by the model name) and that model name. Throws
    /// <see cref="LlmConfigurationException"/> at once when the mode needs a model that is not configured.
    /// </summary>
    public JudgeSession OpenLlmJudge(Func<IChatClient, string, IAnswerJudge> create) => JudgeSession.OpenLlm(Input, Mode, Environment, create, Batch);
}
