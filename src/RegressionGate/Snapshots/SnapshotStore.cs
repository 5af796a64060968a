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
    /// <summary>The end of a verified (committed) snapshot's file name.</summary>
    public const string VerifiedSuffix = ".verified.json";

    /// <summary>The end of a received snapshot's file name: written beside the verified one when a run disagrees.</summary>
    public const string ReceivedSuffix = ".received.json";

    /// <param name="metrics">The metrics whose stages the store holds besides retrieval, answers and summary; the built-in ones when null.</param>
    internal SnapshotStore(string root, MetricRegistry? metrics = null)
    {
        Root = Path.GetFullPath(root);
        Metrics = metrics ?? MetricRegistry.BuiltIn;
        Stages = SnapshotStages.For(Metrics);
    }

    /// <summary>The store of a golden directory: its <c>snapshots/</c> folder.</summary>
    public static SnapshotStore InGolden(string goldenDirectory, MetricRegistry? metrics = null) => new(Path.Combine(goldenDirectory, "snapshots"), metrics);

    /// <summary>The snapshots folder's full path.</summary>
    public string Root { get; }

    /// <summary>The metrics whose stages this store holds.</summary>
    public MetricRegistry Metrics { get; }

    /// <summary>Every stage folder this store knows, in the order data flows.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Where the verified snapshot <paramref name="name"/> of <paramref name="stage"/> is kept.</summary>
    public string VerifiedPath(string stage, string name) => PathOf(stage, name, VerifiedSuffix);

    /// <summary>Where the received snapshot <paramref name="name"/> of <paramref name="stage"/> is written.</summary>
    public string ReceivedPath(string stage, string name) => PathOf(stage, name, ReceivedSuffix);

    internal void Write<T>(SnapshotKind<T> kind, string path, T snapshot) where T : class =>
        AtomicFile.WriteAllText(path, kind.Write(snapshot));

    /// <summary>
    /// Every received file of the known stages, as (stage, path), in stage order then by name. Stray
    /// <see cref="AtomicFile"/> temp files never end in <see cref="ReceivedSuffix"/>, and are skipped by name besides.
    /// </summary>
    internal IReadOnlyList<(string Stage, string Path)> ReceivedFiles()
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

    /// <summary>
    /// Rejects a received snapshot: deletes it, leaving its verified twin as it is. Only a file <see cref="ReceivedFiles"/>
    /// lists can go, so a mistyped path never deletes a verified snapshot.
    /// </summary>
    public void Reject(string receivedPath)
    {
        var full = Path.GetFullPath(receivedPath);
        if (!ReceivedFiles().Any(f => f.Path == full))
            throw new ArgumentException($"{receivedPath} is not a received snapshot under {Root}", nameof(receivedPath));
        File.Delete(full);
    }

    /// <summary>The verified file a received file would replace.</summary>
    internal static string VerifiedFor(string receivedPath) =>
        receivedPath[..^ReceivedSuffix.Length] + VerifiedSuffix;

    static bool IsTemp(string fileName) => fileName.StartsWith('.') || fileName.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal);

    string PathOf(string stage, string name, string suffix)
    {
        if (!Stages.Contains(stage)) throw new ArgumentException($"unknown snapshot stage '{stage}'; known: {string.Join(", ", Stages)}", nameof(stage));
        return Path.Combine(Root, stage, SnapshotFileName.For(name) + suffix);
    }
}
