using RegressionGate.Answers;
using RegressionGate.Environments;
using RegressionGate.Golden;
using RegressionGate.Judging.Metrics;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>
/// What one run of the gate reads: a golden set, the settings of its <c>gate.json</c>, and the retriever and judge kinds
/// those settings may name. Start here: <c>GateInput.Load("golden")</c>, then <see cref="GateRunner.RunAsync"/>.
/// </summary>
/// <param name="Golden">The corpus and the questions.</param>
/// <param name="Settings">Every section of <c>gate.json</c>, each read by its stage.</param>
/// <param name="Retrievers">The kinds <c>retriever.kind</c> may name, and how each is built.</param>
/// <param name="Judges">The kinds <c>judge.kind</c> may name, and how each is opened.</param>
public sealed record GateInput(GoldenSet Golden, GateSettings Settings, RetrieverRegistry Retrievers, JudgeRegistry Judges)
{
    /// <summary>A golden set under <paramref name="settings"/>, with the built-in retriever and judge kinds.</summary>
    public GateInput(GoldenSet golden, GateSettings settings) : this(golden, settings, RetrieverRegistry.BuiltIn, JudgeRegistry.BuiltIn) { }

    /// <summary>The metrics <c>judge.metrics</c> may name, and so the snapshot stages of this golden set.</summary>
    public MetricRegistry Metrics { get; init; } = MetricRegistry.BuiltIn;

    /// <summary>False when the golden directory has no <c>gate.json</c>, so every setting is a default; commands and reports say so.</summary>
    public bool HasSettingsFile { get; init; } = true;

    /// <summary>What to tell a person whose golden directory has no <c>gate.json</c>; null when it has one.</summary>
    public string? MissingSettingsWarning => HasSettingsFile
        ? null
        : $"{Path.Combine(Golden.Directory, GoldenSet.SettingsFile)} is missing, so every setting takes its default (floors included); " +
          "write one, even {}, to say that is intended";

    /// <summary>
    /// Loads and validates <paramref name="directory"/>: that it holds a golden set, then <c>gate.json</c> (every default
    /// when absent, which <see cref="HasSettingsFile"/> records), then the corpus and the questions, then that the
    /// settings fit the corpus (<c>retriever.k</c> no longer than it). Any fault is one
    /// <see cref="Files.InputFileException"/> naming file, line and field, and nothing is written.
    /// <paramref name="retrievers"/>, <paramref name="judges"/> and <paramref name="metrics"/> replace the built-in
    /// retriever kinds, judge kinds and metrics, e.g. with
    /// <c>RetrieverRegistry.BuiltIn.With(yourProvider)</c>.
    /// </summary>
    public static GateInput Load(string directory, RetrieverRegistry? retrievers = null, JudgeRegistry? judges = null, MetricRegistry? metrics = null)
    {
        retrievers ??= RetrieverRegistry.BuiltIn;
        judges ??= JudgeRegistry.BuiltIn;
        metrics ??= MetricRegistry.BuiltIn;
        var full = GoldenSetLoader.Locate(directory);
        var settingsPath = Path.Combine(full, GoldenSet.SettingsFile);
        var settingsDisplay = GoldenSetLoader.Display(directory, GoldenSet.SettingsFile);
        var settings = GateSettingsReader.Read(settingsPath, settingsDisplay, retrievers, judges, metrics);
        var golden = GoldenSetLoader.Load(directory);
        var k = settings.Retriever.K;
        // An error rather than a silent clamp: k is part of every snapshot's identity, and a k the corpus cannot fill
        // means the settings were written for another corpus.
        if (k > golden.Corpus.Count)
        {
            var given = GateSettingsReader.Gives(settingsPath, "retriever.k");
            throw new Files.InputFileException(settingsDisplay, GateSettingsReader.LineOf(settingsPath, "retriever.k"), "retriever.k",
                $"{(given ? "" : "the default ")}{k} is more than the {golden.Corpus.Count} segments in {GoldenSet.CorpusFile}; " +
                "a top-k cannot be longer than the corpus");
        }
        return new GateInput(golden, settings, retrievers, judges) { HasSettingsFile = File.Exists(settingsPath), Metrics = metrics };
    }

    /// <summary>Whether the answers under test are produced by the run (<c>answers.source</c> generate or endpoint), so each is snapshotted.</summary>
    public bool ProducesAnswers => Settings.Answers.Source.Produced();

    /// <summary>
    /// The questions <paramref name="metric"/> grades: all of them, or, for a metric that reads the answer while the
    /// answers come from the golden set, those that have one.
    /// </summary>
    public IEnumerable<GoldenQuestion> QuestionsGradedBy(JudgeMetric metric) =>
        ProducesAnswers || !metric.Inputs.HasFlag(MetricInputs.Answer) ? Golden.Questions : Golden.Questions.Where(q => q.Answer is not null);

    /// <summary>The snapshots folder of this golden set, holding the stages of its metrics.</summary>
    public SnapshotStore SnapshotStore() => Snapshots.SnapshotStore.InGolden(Golden.Directory, Metrics);

    /// <summary>
    /// Builds the retriever <c>retriever.kind</c> names. <paramref name="progress"/> receives how many segments are
    /// embedded or indexed; kinds that embed keep their vectors in <paramref name="cache"/> (none when null).
    /// </summary>
    internal IRetriever CreateRetriever(EmbeddingCache? cache = null, IProgress<int>? progress = null,
        IEnvironmentVariables? environment = null, CancellationToken cancellationToken = default) =>
        Retrievers.Create(new RetrieverContext(Golden, Settings.Retriever)
        {
            Cache = cache,
            Progress = progress,
            Environment = environment ?? EnvironmentVariables.Process,
            CancellationToken = cancellationToken,
        });
}
