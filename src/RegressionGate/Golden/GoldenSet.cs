namespace RegressionGate.Golden;

/// <summary>A loaded, validated golden set: the settings, the corpus and the questions of one <c>golden/</c> directory.</summary>
public sealed class GoldenSet
{
    public const string SettingsFile = "gate.json";
    public const string CorpusFile = "corpus.jsonl";
    public const string QuestionsFile = "questions.jsonl";
    public const string RecordingsFolder = "recordings";
    public const string SnapshotsFolder = "snapshots";

    readonly Dictionary<string, Segment> segmentsById;

    public GoldenSet(string directory, GateSettings settings, IReadOnlyList<Segment> corpus, IReadOnlyList<GoldenQuestion> questions)
    {
        Directory = Path.GetFullPath(directory);
        Settings = settings;
        Corpus = corpus;
        Questions = questions;
        segmentsById = corpus.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public string Directory { get; }
    public GateSettings Settings { get; }
    public IReadOnlyList<Segment> Corpus { get; }
    public IReadOnlyList<GoldenQuestion> Questions { get; }

    public string RecordingsDirectory => Path.Combine(Directory, RecordingsFolder);
    public string SnapshotsDirectory => Path.Combine(Directory, SnapshotsFolder);

    public Segment? FindSegment(string id) => segmentsById.GetValueOrDefault(id);

    public GoldenSet With(GateSettings settings) => new(Directory, settings, Corpus, Questions);

    /// <summary>Where <c>--golden</c> points when not given: <c>REGRESSIONGATE_GOLDEN</c>, else <c>./golden</c>.</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable("REGRESSIONGATE_GOLDEN") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.CurrentDirectory, "golden");
}
