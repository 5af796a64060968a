using System.Reflection;
using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Snapshots;

namespace RegressionGate.Cli.Init;

/// <summary>
/// <c>regression-gate init</c>: a new golden set that <c>import</c> and <c>run</c> accept as it is. Everything is
/// checked before anything is written, and nothing that exists is overwritten: an existing golden set or workflow is
/// refused, and the ignore lines are only appended where missing.
/// </summary>
static class GoldenSetStarter
{
    public const string WorkflowFile = ".github/workflows/regression-gate.yml";
    public const string ActionDirectory = ".github/actions/regression-gate";

    /// <summary>The action's files, as the repository keeps them and as <c>init --workflow</c> copies them.</summary>
    public static IReadOnlyList<string> ActionFiles { get; } = ["action.yml", "gate.sh"];

    /// <summary>What git should never see: received snapshots (review them, then approve) and the embedding cache beside the golden directory.</summary>
    public static IReadOnlyList<string> IgnoreLines { get; } = ["*" + SnapshotStore.ReceivedSuffix, EmbeddingCache.DefaultFolderName + "/"];

    /// <summary>Writes the golden set (and the workflow); returns one line per file, for the person who asked.</summary>
    /// <exception cref="InputFileException">Something init would write is already there.</exception>
    /// <param name="shards">With <paramref name="workflow"/>: the number of CI runners the gate is split over; the
    /// unsharded workflow when null.</param>
    /// <param name="judgeModel">The judge model gate.json names (<c>judge.model</c>); none when null.</param>
    public static IReadOnlyList<string> Start(string goldenDirectory, bool workflow, int? shards = null, string? judgeModel = null)
    {
        var golden = Path.GetFullPath(goldenDirectory);
        if (File.Exists(golden)) throw new InputFileException(goldenDirectory, null, null, "is a file, not a directory");
        foreach (var file in new[] { GoldenSet.SettingsFile, GoldenSet.CorpusFile, GoldenSet.QuestionsFile })
        {
            if (File.Exists(Path.Combine(golden, file)))
                throw new InputFileException(Path.Combine(goldenDirectory, file), null, null,
                    "a golden set is already here, and init never overwrites one; pick another directory");
        }

        var parent = Path.GetDirectoryName(golden)!;
        var files = new List<(string Path, string Contents, string What)>
        {
            (Path.Combine(golden, GoldenSet.SettingsFile), DefaultSettings.Json(judgeModel),
                judgeModel is null ? "every setting at its default" : $"every setting at its default, judge.model '{judgeModel}'"),
            (Path.Combine(golden, GoldenSet.CorpusFile), "", "empty: one segment a line"),
            (Path.Combine(golden, GoldenSet.QuestionsFile), "", "empty: one question a line"),
        };
        if (workflow)
        {
            var root = RepositoryRoot(parent);
            files.Add(shards is { } n
                ? (Path.Combine(root, WorkflowFile), ShardedWorkflow(root, golden, n), $"the pull-request gate over {n} shards")
                : (Path.Combine(root, WorkflowFile), Workflow(root, golden), "the pull-request gate"));
            foreach (var name in ActionFiles)
                files.Add((Path.Combine(root, ActionDirectory, name), Resource(name), "the action the workflow uses"));
            foreach (var (path, _, _) in files.Skip(3))
            {
                if (File.Exists(path))
                    throw new InputFileException(Display(path), null, null, "already exists, and init never overwrites it; move it aside to have it written again");
            }
        }

        var lines = new List<string>();
        foreach (var (path, contents, what) in files)
        {
            Write(path, () => AtomicFile.WriteAllText(path, contents));
            lines.Add($"created {Display(path)} ({what})");
        }
        if (workflow && !OperatingSystem.IsWindows())
        {
            var script = files.Single(f => f.Path.EndsWith(".sh", StringComparison.Ordinal)).Path;
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        var ignore = Path.Combine(parent, ".gitignore");
        if (AppendIgnoreLines(ignore) is > 0 and var added) lines.Add($"added {added} line(s) to {Display(ignore)} (received snapshots, embedding cache)");
        return lines;
    }

    /// <summary>The workflow for the golden set at <paramref name="golden"/>, for a repository rooted at <paramref name="root"/>.</summary>
    public static string Workflow(string root, string golden) => Fill(Resource("regression-gate.yml"), root, golden);

    /// <summary>
    /// The workflow that splits the gate over <paramref name="shards"/> runners of a matrix (embed, gate, merge), for
    /// the golden set at <paramref name="golden"/> in a repository rooted at <paramref name="root"/>.
    /// </summary>
    public static string ShardedWorkflow(string root, string golden, int shards) =>
        Fill(Resource("regression-gate-sharded.yml"), root, golden)
            .Replace("__SHARDS__", shards.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__MATRIX__", $"[{string.Join(", ", Enumerable.Range(1, shards))}]", StringComparison.Ordinal);

    static string Fill(string template, string root, string golden)
    {
        var parent = Path.GetDirectoryName(golden)!;
        // Where a tool manifest already lists the tool, the action restores what it pins; else it installs this version.
        var version = ToolCommand.Detect(root).Installation == ToolInstallation.LocalTool ? "" : OwnVersion();
        return template
            .Replace("__GOLDEN__", Relative(root, golden), StringComparison.Ordinal)
            .Replace("__CACHE__", Relative(root, Path.Combine(parent, EmbeddingCache.DefaultFolderName)), StringComparison.Ordinal)
            .Replace("__REPORTS__", Relative(root, Path.Combine(parent, "artifacts", "gate")), StringComparison.Ordinal)
            .Replace("__VERSION__", version, StringComparison.Ordinal);
    }

    /// <summary>The template or action file embedded in the tool.</summary>
    public static string Resource(string name)
    {
        using var stream = typeof(GoldenSetStarter).Assembly.GetManifestResourceStream($"RegressionGate.Cli.Init.{name}")
            ?? throw new InvalidOperationException($"the tool was built without its '{name}' template");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>The nearest folder holding <c>.git</c>, from <paramref name="start"/> up; else <paramref name="start"/>.</summary>
    static string RepositoryRoot(string start)
    {
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.Exists(Path.Combine(dir, ".git"))) return dir;
        }
        return start;
    }

    static int AppendIgnoreLines(string path)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var present = existing.Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = IgnoreLines.Where(line => !present.Contains(line)).ToList();
        if (missing.Count == 0) return 0;
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        Write(path, () => AtomicFile.WriteAllText(path, existing + separator + "# RegressionGate\n" + string.Concat(missing.Select(line => line + "\n"))));
        return missing.Count;
    }

    /// <summary>A place that can't be written is the user's to fix: one line naming it, not a stack trace.</summary>
    static void Write(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(Display(path), null, null, $"cannot be written: {e.Message}");
        }
    }

    static string OwnVersion()
    {
        var informational = typeof(GoldenSetStarter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        return informational.Split('+')[0];
    }

    static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
