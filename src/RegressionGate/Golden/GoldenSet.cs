namespace RegressionGate.Golden;

/// <summary>
/// A loaded, validated golden set: the settings, the corpus, the questions and the answers' references of one
/// <c>golden/</c> directory, every file read before the gate writes anything.
/// </summary>
public sealed class GoldenSet
{
    public const string SettingsFile = "gate.json";
    public const string CorpusFile = "corpus.jsonl";
    public const string QuestionsFile = "questions.jsonl";
    public const string ReferencesFile = "references.jsonl";
    public const string RecordingsFolder = "recordings";
    public const string SnapshotsFolder = "snapshots";

    readonly Dictionary<string, Segment> segmentsById;

    public GoldenSet(string directory, GateSettings settings, IReadOnlyList<Segment> corpus, IReadOnlyList<GoldenQuestion> questions,
        IReadOnlyDictionary<string, IReadOnlyList<RecordReference>>? references = null)
    {
        Directory = Path.GetFullPath(directory);
        Settings = settings;
        Corpus = corpus;
        Questions = questions;
        References = references ?? new Dictionary<string, IReadOnlyList<RecordReference>>();
        segmentsById = corpus.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public string Directory { get; }
    public GateSettings Settings { get; }
    public IReadOnlyList<Segment> Corpus { get; }
    public IReadOnlyList<GoldenQuestion> Questions { get; }

    /// <summary>The references printed under imported answers, by question id (<see cref="ReferencesFile"/>; empty when absent).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RecordReference>> References { get; }

    public string RecordingsDirectory => Path.Combine(Directory, RecordingsFolder);
    public string SnapshotsDirectory => Path.Combine(Directory, SnapshotsFolder);

    public Segment? FindSegment(string id) => segmentsById.GetValueOrDefault(id);

    public GoldenSet With(GateSettings settings) => new(Directory, settings, Corpus, Questions, References);

    /// <summary>Where <c>--golden</c> points when not given: <c>REGRESSIONGATE_GOLDEN</c>, else <c>./golden</c>.</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable("REGRESSIONGATE_GOLDEN") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.CurrentDirectory, "golden");
}
