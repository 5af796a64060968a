using Microsoft.Extensions.AI;
using RegressionGate.Answers;
using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Gate;

/// <summary>
/// What one run grades with: one judge per configured metric (from the judge kind's session), the source of the
/// answers under test, and everything behind them (the LLM, the endpoint, an embedder), disposed together. Built before
/// any work is done, so a missing configuration fails the run at once (<see cref="LlmConfigurationException"/>)
/// instead of after the corpus is embedded.
/// </summary>
internal sealed class EvaluationSession : IDisposable
{
    readonly List<IDisposable> resources = [];
    readonly List<RecordingTally> tallies = [];
    readonly List<PlanningChatClient> planners = [];
    ModelAccess? models;

    EvaluationSession() { }

    /// <summary>One judge per metric, in the order <c>judge.metrics</c> names them.</summary>
    public IReadOnlyList<IMetricJudge> Judges { get; private set; } = [];

    /// <summary>Where the answers under test come from.</summary>
    public IAnswerProducer Answers { get; private set; } = new GoldenAnswers();

    /// <summary>Whether the answer source gives its own context (the endpoint's segments) instead of the retriever's top-k.</summary>
    public bool AnswersOwnContext { get; private set; }

    IEnumerable<RecordingTally> Tallies => models?.Tally is { } tally ? tallies.Append(tally) : tallies;

    /// <summary>Whether any model or endpoint is involved, i.e. recordings are used.</summary>
    public bool UsesRecordings => Tallies.Any();

    /// <summary>Recordings used, counted by their provenance source (recorded, authored, imported…).</summary>
    public IReadOnlyDictionary<string, int> CountByProvenance() =>
        Tallies.SelectMany(t => t.CountByProvenance())
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    /// <summary>For a planning session: every distinct request the run would make, recorded or not.</summary>
    public IReadOnlyList<PlannedRequest> PlannedRequests =>
        (models?.Planner() is { } planner ? planners.Append(planner) : planners).SelectMany(p => p.Requests).ToList();

    /// <param name="metrics">The metrics to grade; the judge kind is only opened when there are some.</param>
    /// <param name="plan">Plan a <paramref name="mode"/> run instead: replay what is recorded, count the rest (<see cref="PlanningChatClient"/>).</param>
    /// <param name="cache">Where a judge that embeds keeps its embeddings between runs; none when null.</param>
    /// <param name="batch">Records the model's calls through the Batch API (<c>--batch</c>) instead of one by one; none when null.</param>
    public static EvaluationSession Open(GateInput input, IReadOnlyList<JudgeMetric> metrics, string judgeKind, AnswerSource source, RecordingMode mode,
        IEnvironmentVariables environment, EmbeddingCache? cache = null, bool plan = false, BatchRecorder? batch = null)
    {
        var session = new EvaluationSession();
        try
        {
            session.Build(input, metrics, judgeKind, source, mode, environment, cache, plan, batch);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    void Build(GateInput input, IReadOnlyList<JudgeMetric> metrics, string judgeKind, AnswerSource source, RecordingMode mode,
        IEnvironmentVariables environment, EmbeddingCache? cache, bool plan, BatchRecorder? batch)
    {
        var (golden, settings) = (input.Golden, input.Settings);
        models = new ModelAccess(input, mode, environment, plan) { Batch = batch };
        resources.Add(models);

        if (metrics.Count > 0)
        {
            var judge = input.Judges.Open(judgeKind, new JudgeContext(input, mode, environment) { Cache = cache, Models = models });
            resources.Add(judge);
            Judges = judge.JudgesFor(metrics, settings.Labels);
        }

        switch (source)
        {
            case AnswerSource.Generate:
                var (client, model) = models.Open();
                Answers = new GeneratedAnswers(client, model);
                break;
            case AnswerSource.Endpoint:
                var endpoint = settings.Answers.Endpoint ?? throw new InputFileException(GoldenSet.SettingsFile, null, "answers.endpoint",
                    "is missing: --answers endpoint needs the assistant's url, body, answerPath and segmentIdsPath");
                Answers = new EndpointAnswers(Endpoint(golden, endpoint, mode, environment, plan), endpoint, golden);
                AnswersOwnContext = true;
                break;
            default:
                Answers = new GoldenAnswers();
                break;
        }
    }

    /// <summary>The endpoint behind a recording client; only a mode that calls it builds the live client (and reads its headers' variables).</summary>
    IChatClient Endpoint(GoldenSet golden, EndpointSettings endpoint, RecordingMode mode, IEnvironmentVariables environment, bool plan)
    {
        var store = new RecordingStore(golden.RecordingsDirectory);
        var name = EndpointAnswers.RecordingModel(endpoint);
        RecordingChatClient recording;
        if (plan || !mode.CallsModel())
        {
            recording = RecordingChatClient.ReplayOnly(store, name, models!.RecordingOptions);
        }
        else
        {
            var live = new EndpointChatClient(endpoint, environment);
            resources.Add(live);
            recording = new RecordingChatClient(live, store, mode, name, models!.RecordingOptions);
        }
        IChatClient client = recording;
        if (plan)
        {
            var planner = ModelAccess.Planner(recording, mode);
            planners.Add(planner);
            client = planner;
        }
        var tally = new RecordingTally(client, store);
        tallies.Add(tally);
        return tally;
    }

    public void Dispose()
    {
        foreach (var resource in Enumerable.Reverse(resources)) resource.Dispose();
        resources.Clear();
    }
}
