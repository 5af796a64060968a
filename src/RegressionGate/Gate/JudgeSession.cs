using RegressionGate.Answers;
using RegressionGate.Environments;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Gate;

/// <summary>
/// What a run grades with: one judge per configured metric, the source of the answers under test, and the resources
/// behind them (LLM client, endpoint client, embedder), disposed together. Built before any work is done, so a missing
/// configuration fails the run at once (<see cref="LlmConfigurationException"/>) instead of after the corpus is embedded.
/// </summary>
public sealed class JudgeSession : IDisposable
{
    readonly List<IDisposable> resources = [];
    readonly List<RecordingTally> tallies = [];
    readonly List<PlanningChatClient> planners = [];

    JudgeSession() { }

    /// <summary>One judge per metric, in the order <c>judge.metrics</c> names them.</summary>
    public IReadOnlyList<IMetricJudge> Judges { get; private set; } = [];

    /// <summary>Where the answers under test come from.</summary>
    public IAnswerProducer Answers { get; private set; } = new GoldenAnswers();

    /// <summary>Whether the answer source gives its own context (the endpoint's segments) instead of the retriever's top-k.</summary>
    public bool AnswersOwnContext { get; private set; }

    /// <summary>Whether any model or endpoint is involved, i.e. recordings are used.</summary>
    public bool UsesRecordings => tallies.Count > 0;

    /// <summary>Recordings used, counted by their provenance source (recorded, authored, imported…).</summary>
    public IReadOnlyDictionary<string, int> CountByProvenance() =>
        tallies.SelectMany(t => t.CountByProvenance())
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    /// <summary>For a planning session: every distinct request the run would make, recorded or not.</summary>
    public IReadOnlyList<PlannedRequest> PlannedRequests => planners.SelectMany(p => p.Requests).ToList();

    /// <param name="metrics">The metrics to grade; the judge's backend is only built when there are some.</param>
    /// <param name="plan">Plan a <paramref name="mode"/> run instead: replay what is recorded, count the rest (<see cref="PlanningChatClient"/>).</param>
    /// <param name="cache">Where the similarity judge keeps its embeddings between runs; none when null.</param>
    public static JudgeSession Open(GateInput input, IReadOnlyList<JudgeMetric> metrics, string judgeKind, AnswerSource source, RecordingMode mode,
        IEnvironmentVariables environment, EmbeddingCache? cache = null, bool plan = false)
    {
        var session = new JudgeSession();
        try
        {
            session.Build(input, metrics, judgeKind, source, mode, environment, cache, plan);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    void Build(GateInput input, IReadOnlyList<JudgeMetric> metrics, string judgeKind, AnswerSource source, RecordingMode mode,
        IEnvironmentVariables environment, EmbeddingCache? cache, bool plan)
    {
        var (golden, settings) = (input.Golden, input.Settings);
        var recordOptions = new RecordingOptions { RecordCommand = $"regression-gate run --golden {Quote(golden.Directory)} --llm record" };
        var similarity = judgeKind == JudgeKinds.Similarity;
        var needsModel = (!similarity && metrics.Count > 0) || source == AnswerSource.Generate;

        Microsoft.Extensions.AI.IChatClient? model = null;
        var modelName = "";
        if (needsModel)
        {
            var llmEnvironment = LlmEnvironmentVariables.All.ToDictionary(name => name, environment.Get, StringComparer.Ordinal);
            var setup = LlmSetup.Create(plan ? RecordingMode.Replay : mode, golden.RecordingsDirectory, llmEnvironment, settings.Judge.Model,
                recordingOptions: recordOptions);
            resources.Add(setup);
            model = Track(Plan(setup.RecordingClient, plan, mode), setup.RecordingClient.Store);
            modelName = setup.Model;
        }

        JudgeBackend? backend = metrics.Count == 0 ? null : similarity
            ? OpenSimilarity(input, cache)
            : new LlmBackend(model!, modelName, settings.Judge.Repeats);
        Judges = backend is null ? [] : metrics.Select(m => m.CreateJudge(backend, settings.Labels)).ToList();

        switch (source)
        {
            case AnswerSource.Generate:
                Answers = new GeneratedAnswers(model!, modelName);
                break;
            case AnswerSource.Endpoint:
                var endpoint = settings.Answers.Endpoint
                    ?? throw new Files.InputFileException(Golden.GoldenSet.SettingsFile, null, "answers.endpoint", "is missing: --answers endpoint needs the assistant's url, body and paths");
                var store = new RecordingStore(golden.RecordingsDirectory);
                var recordingModel = EndpointAnswers.RecordingModel(endpoint);
                RecordingChatClient recording;
                if (plan || !mode.CallsModel())
                {
                    recording = RecordingChatClient.ReplayOnly(store, recordingModel, recordOptions);
                }
                else
                {
                    var live = new EndpointChatClient(endpoint, environment);
                    resources.Add(live);
                    recording = new RecordingChatClient(live, store, mode, recordingModel, recordOptions);
                }
                Answers = new EndpointAnswers(Track(Plan(recording, plan, mode), store), endpoint, golden);
                AnswersOwnContext = true;
                break;
            default:
                Answers = new GoldenAnswers();
                break;
        }
    }

    RecordingTally Track(Microsoft.Extensions.AI.IChatClient client, RecordingStore store)
    {
        var tally = new RecordingTally(client, store);
        tallies.Add(tally);
        return tally;
    }

    Microsoft.Extensions.AI.IChatClient Plan(RecordingChatClient recording, bool plan, RecordingMode mode)
    {
        if (!plan) return recording;
        var planner = new PlanningChatClient(recording, mode == RecordingMode.Refresh, Placeholder);
        planners.Add(planner);
        return planner;
    }

    /// <summary>
    /// What a planned call answers, so planning goes on: a generated answer of three statements (what groundedness
    /// will grade is unknown until it is generated), else a judge's verdict.
    /// </summary>
    static string Placeholder(CanonicalRequest request) => request.PromptVersion == GroundedAnswer.PromptVersion
        ? "Esta resposta ainda não foi gerada. Ela é só um marcador do plano. Ela conta como três afirmações."
        : "Criteria: planned.\nSupporting Evidence: not called yet.\nScore: 3";

    SimilarityBackend OpenSimilarity(GateInput input, EmbeddingCache? cache)
    {
        var (settings, retriever) = (input.Settings, input.Settings.Retriever);
        // The similarity judge embeds with the retriever's model where there is one, else with the bundled model.
        var model = input.Retrievers.Find(retriever.Kind)?.EmbedsWithModel == true ? retriever.Model : RetrieverSettings.BundledModel;
        var embedder = ConfiguredEmbedder.Load(input.Golden.Directory, model, retriever.MaxTokens);
        ITextEmbedder used = cache is null ? embedder : cache.Wrap(embedder);
        resources.Add(used);
        return new SimilarityBackend(
            texts => used.Embed([retriever.QueryPrefix + texts[0], .. texts.Skip(1).Select(t => retriever.PassagePrefix + t)]),
            $"{model} ({embedder.Model.Sha256[..12]})",
            settings.Judge.SimilarityThresholds);
    }

    static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    public void Dispose()
    {
        foreach (var resource in resources) resource.Dispose();
        resources.Clear();
    }
}
