using RegressionGate.Files;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Snapshots;

/// <summary>
/// The snapshots folder (<c>golden/snapshots/</c>): <c>{stage}/{name}.verified.json</c>, committed, and
/// <c>{stage}/{name}.received.json</c> beside it when a run disagrees. Names go through <see cref="SnapshotFileName"/>.
/// Every write goes through <see cref="AtomicFile"/>.
/// </summary>
public sealed class SnapshotStore
{
    public const string VerifiedSuffix = ".verified.json";
    public const string ReceivedSuffix = ".received.json";

    /// <param name="metrics">The metrics whose stages the store holds besides retrieval, answers and summary; the built-in ones when null.</param>
    public SnapshotStore(string root, MetricRegistry? metrics = null)
    {
        Root = Path.GetFullPath(root);
        Metrics = metrics ?? MetricRegistry.BuiltIn;
        Stages = SnapshotStages.For(Metrics);
    }

    /// <summary>The store of a golden directory: its <c>snapshots/</c> folder.</summary>
    public static SnapshotStore InGolden(string goldenDirectory, MetricRegistry? metrics = null) => new(Path.Combine(goldenDirectory, "snapshots"), metrics);

    public string Root { get; }

    /// <summary>The metrics whose stages this store holds.</summary>
    public MetricRegistry Metrics { get; }

    /// <summary>Every stage folder this store knows, in the order data flows.</summary>
    public IReadOnlyList<string> Stages { get; }

    public string VerifiedPath(string stage, string name) => PathOf(stage, name, VerifiedSuffix);

    public string ReceivedPath(string stage, string name) => PathOf(stage, name, ReceivedSuffix);

    public void Write<T>(SnapshotKind<T> kind, string path, T snapshot) where T : class =>
        AtomicFile.WriteAllText(path, kind.Write(snapshot));

    /// <summary>
    /// Every received file of the known stages, as (stage, path), in stage order then by name. Stray
    /// <see cref="AtomicFile"/> temp files never end in <see cref="ReceivedSuffix"/>, and are skipped by name besides.
    /// </summary>
    public IReadOnlyList<(string Stage, string Path)> ReceivedFiles()
    {
        var found = new List<(string, string)>();
        foreach (var stage in Stages)
        {
            var folder = Path.Combine(Root, stage);
            if (!Directory.Exists(folder)) continue;
            found.AddRange(Directory.EnumerateFiles(folder, "*" + ReceivedSuffix)
                .Where(path => !IsTemp(Path.GetFileName(path)))
                .Order(StringComparer.Ordinal)
                .Select(path => (stage, path)));
        }
        return found;
    }

    /// <summary>The verified file a received file would replace.</summary>
    public static string VerifiedFor(string receivedPath) =>
        receivedPath[..^ReceivedSuffix.Length] + VerifiedSuffix;

    static bool IsTemp(string fileName) => fileName.StartsWith('.') || fileName.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal);

    string PathOf(string stage, string name, string suffix)
    {
        if (!Stages.Contains(stage)) throw new ArgumentException($"unknown snapshot stage '{stage}'; known: {string.Join(", ", Stages)}", nameof(stage));
        return Path.Combine(Root, stage, SnapshotFileName.For(name) + suffix);
    }
}
