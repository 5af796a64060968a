using Microsoft.Extensions.AI;
using RegressionGate.Environments;
using RegressionGate.Judging;
using RegressionGate.Llm;
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

    /// <summary>The run's way to the LLM, shared with the answer generator; a context made elsewhere opens its own.</summary>
    internal ModelAccess? Models { get; init; }

    /// <summary>
    /// Opens a judge that talks to an LLM through the recording client: <paramref name="create"/> gets the client (which
    /// replays, records or calls as <see cref="Mode"/> says, keyed by the model name) and that model name. Throws
    /// <see cref="LlmConfigurationException"/> at once when the mode needs a model that is not configured. Such a judge
    /// grades whole answers, so it stands for answer relevance; the built-in LLM judge grades every metric.
    /// </summary>
    public JudgeSession OpenLlmJudge(Func<IChatClient, string, IAnswerJudge> create)
    {
        var (models, owned) = Access();
        try
        {
            var (client, model) = models.Open();
            return new JudgeSession(create(client, model), owned) { Tally = models.Tally };
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>The built-in LLM judge: every metric graded with its own rubric through the recording client.</summary>
    internal JudgeSession OpenLlmMetrics()
    {
        var (models, owned) = Access();
        try
        {
            var (client, model) = models.Open();
            var settings = Input.Settings;
            return new JudgeSession(new Judging.Metrics.LlmBackend(client, model, settings.Judge.Repeats),
                new AnswerRelevanceJudge(client, model, settings.Judge.Repeats, settings.Labels), owned) { Tally = models.Tally };
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    (ModelAccess Models, ModelAccess? Owned) Access()
    {
        if (Models is { } shared) return (shared, null);
        var own = new ModelAccess(Input, Mode, Environment, plan: false);
        return (own, own);
    }
}
