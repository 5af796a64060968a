namespace RegressionGate.Snapshots;

/// <summary>A kind of snapshot as approval sees it: a stage folder whose files it can validate and describe without knowing their type.</summary>
internal interface ISnapshotKind
{
    string Stage { get; }

    /// <summary>Parses and validates a snapshot's text, failing with a <see cref="Files.InputFileException"/> naming <paramref name="file"/>.</summary>
    object Parse(string text, string file);

    /// <summary>The question a snapshot is about, or null for one about the whole set (the summary).</summary>
    string? QuestionIdOf(object snapshot);

    /// <summary>What a new snapshot holds, for <c>approve</c> to print.</summary>
    string DescribeNew(object snapshot);

    /// <summary>What changed in meaning from <paramref name="verified"/> to <paramref name="received"/>, for <c>approve</c> to print.</summary>
    string DescribeChange(object verified, object received, Tolerances tolerances);

    /// <summary>Why <paramref name="received"/> must not replace <paramref name="verified"/> (null when there is none): one line each; empty when it may.</summary>
    IReadOnlyList<string> Refusals(object? verified, object received);
}

/// <summary>How one kind of snapshot is written as stable JSON, read back strictly, and described to a reviewer.</summary>
internal abstract class SnapshotKind<T> : ISnapshotKind where T : class
{
    public abstract string Stage { get; }

    /// <summary>The stable JSON text of <paramref name="snapshot"/>: same meaning, same bytes.</summary>
    public abstract string Write(T snapshot);

    /// <summary>Reads a snapshot's text; <paramref name="file"/> is how errors name it.</summary>
    public abstract T Read(string text, string file);

    public T ReadFile(string path) => Read(SnapshotFields.ReadText(path, path), path);

    /// <summary><paramref name="snapshot"/> as it reads back once stored, with numbers at the stored precision.</summary>
    public T AsStored(T snapshot) => Read(Write(snapshot), $"({Stage} snapshot being written)");

    /// <summary>The question <paramref name="snapshot"/> is about; null (the default) for a snapshot of the whole set.</summary>
    public virtual string? QuestionIdOf(T snapshot) => null;

    public abstract string DescribeNew(T snapshot);

    public abstract string DescribeChange(T verified, T received, Tolerances tolerances);

    /// <summary>
    /// Why <paramref name="received"/> must not become the verified snapshot, whoever approves it (a person, or
    /// auto-approval): one line each; none (the default) when the change is a reviewer's to accept.
    /// </summary>
    public virtual IReadOnlyList<string> Refusals(T? verified, T received) => [];

    object ISnapshotKind.Parse(string text, string file) => Read(text, file);

    string? ISnapshotKind.QuestionIdOf(object snapshot) => QuestionIdOf((T)snapshot);

    string ISnapshotKind.DescribeNew(object snapshot) => DescribeNew((T)snapshot);

    string ISnapshotKind.DescribeChange(object verified, object received, Tolerances tolerances) =>
        DescribeChange((T)verified, (T)received, tolerances);

    IReadOnlyList<string> ISnapshotKind.Refusals(object? verified, object received) => Refusals((T?)verified, (T)received);
}
