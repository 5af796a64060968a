using System.Security.Cryptography;
using RegressionGate.Files;

namespace RegressionGate.Retrieval;

/// <summary>
/// The <c>run-file</c> retriever: returns the rankings recorded in the run file as they are, so a team can gate what its
/// production retriever produced. Its identity pins the file's content by SHA-256.
/// </summary>
internal sealed class RunFileRetriever : IRetriever
{
    /// <summary>The kind's name in <c>gate.json</c> and in identities.</summary>
    public const string Kind = "run-file";

    /// <summary>Registers <c>run-file</c>: reads <c>retriever.runFile</c> against the context's corpus.</summary>
    public static RetrieverProvider Provider { get; } = new(Kind, "recorded rankings, gated as they are", Create);

    readonly Dictionary<string, RunFileEntry> byQuestion;

    /// <summary>Reads the context's run file, checking every ranked id against its corpus.</summary>
    public static RunFileRetriever Create(RetrieverContext context) =>
        new(context.Golden.Directory, context.Settings, context.Golden.Corpus.Select(s => s.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>Reads <c>retriever.runFile</c> (relative to <paramref name="goldenDirectory"/>); every ranked id must be in <paramref name="segmentIds"/>.</summary>

    public RunFileRetriever(string goldenDirectory, RetrieverSettings settings, IReadOnlySet<string> segmentIds)
    {
        FilePath = Path.GetFullPath(Path.Combine(goldenDirectory, settings.RunFile));
        if (!File.Exists(FilePath))
            throw new InputFileException(FilePath, null, "retriever.runFile", "the run file does not exist (set retriever.runFile in gate.json, or import records)");
        // Hash exactly the bytes that are parsed, so the identity always describes the rankings served.
        var bytes = File.ReadAllBytes(FilePath);
        byQuestion = RunFileReader.Parse(bytes, FilePath, segmentIds).ToDictionary(e => e.QuestionId, StringComparer.Ordinal);
        Identity = new RetrieverIdentity(
        [
            new(RetrieverIdentity.KindProperty, Kind),
            new(RetrieverIdentity.RunFileProperty, settings.RunFile.Replace('\\', '/')),
            new("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes))),
            new(RetrieverIdentity.KProperty, settings.K.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>The run file's full path.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public RetrieverIdentity Identity { get; }

    /// <summary>The questions the run file has rankings for.</summary>
    public IReadOnlyCollection<string> QuestionIds => byQuestion.Keys;

    /// <inheritdoc/>
    public IReadOnlyList<RankedSegment> Retrieve(RetrievalQuery query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!byQuestion.TryGetValue(query.Id, out var entry))
            throw new InputFileException(FilePath, null, "questionId", $"question '{query.Id}' has no recorded ranking in this run file");
        return entry.Ranking.Count <= k ? entry.Ranking : entry.Ranking.Take(k).ToList();
    }

    public void Dispose()
    {
    }
}
