namespace RegressionGate.Golden;

/// <summary>
/// A loaded, validated golden set: the corpus, the questions and the answers' references of one <c>golden/</c>
/// directory, every file read before the gate writes anything. Its settings (<c>gate.json</c>) belong to the stages
/// that use them; <c>GateInput</c> loads both.
/// </summary>
public sealed class GoldenSet
{
    /// <summary>The settings file's name in a golden directory.</summary>
    public const string SettingsFile = "gate.json";

    /// <summary>The corpus file's name in a golden directory.</summary>
    public const string CorpusFile = "corpus.jsonl";

    /// <summary>The questions file's name in a golden directory.</summary>
    public const string QuestionsFile = "questions.jsonl";

    /// <summary>The file of references printed under imported answers (optional).</summary>
    public const string ReferencesFile = "references.jsonl";

    /// <summary>The folder of LLM recordings in a golden directory.</summary>
    public const string RecordingsFolder = "recordings";

    /// <summary>The folder of snapshots in a golden directory.</summary>
    public const string SnapshotsFolder = "snapshots";

    readonly Dictionary<string, Segment> segmentsById;

    /// <summary>A golden set of <paramref name="corpus"/> and <paramref name="questions"/>, kept in <paramref name="directory"/>.</summary>
    public GoldenSet(string directory, IReadOnlyList<Segment> corpus, IReadOnlyList<GoldenQuestion> questions)
        : this(directory, corpus, questions, null) { }

    /// <summary>As loaded, with the references printed under imported answers.</summary>
    internal GoldenSet(string directory, IReadOnlyList<Segment> corpus, IReadOnlyList<GoldenQuestion> questions,
        IReadOnlyDictionary<string, IReadOnlyList<RecordReference>>? references)
    {
        Directory = Path.GetFullPath(directory);
        Corpus = corpus;
        Questions = questions;
        References = references ?? new Dictionary<string, IReadOnlyList<RecordReference>>();
        segmentsById = corpus.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The golden directory's full path.</summary>
    public string Directory { get; }

    /// <summary>The transcript segments, in file order.</summary>
    public IReadOnlyList<Segment> Corpus { get; }

    /// <summary>The questions, in file order.</summary>
    public IReadOnlyList<GoldenQuestion> Questions { get; }

    /// <summary>The references printed under imported answers, by question id (<see cref="ReferencesFile"/>; empty when absent).</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<RecordReference>> References { get; }

    /// <summary>Where LLM recordings are kept.</summary>
    public string RecordingsDirectory => Path.Combine(Directory, RecordingsFolder);

    /// <summary>Where snapshots are kept.</summary>
    public string SnapshotsDirectory => Path.Combine(Directory, SnapshotsFolder);

    /// <summary>The segment with this id, or null.</summary>
    public Segment? FindSegment(string id) => segmentsById.GetValueOrDefault(id);

    /// <summary>Where <c>--golden</c> points when not given: <c>REGRESSIONGATE_GOLDEN</c>, else <c>./golden</c>.</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable("REGRESSIONGATE_GOLDEN") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.CurrentDirectory, "golden");
}
