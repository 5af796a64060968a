using System.Security.Cryptography;
using RegressionGate.Golden;
using RegressionGate.Files;

namespace RegressionGate.Retrieval;

/// <summary>
/// The <c>run-file</c> retriever: returns the rankings recorded in the run file as they are, so a team can gate what its
/// production retriever produced. Its identity pins the file's content by SHA-256.
/// </summary>
public sealed class RunFileRetriever : IRetriever
{
    readonly Dictionary<string, RunFileEntry> byQuestion;

    public RunFileRetriever(GoldenSet golden)
        : this(golden.Directory, golden.Settings.Retriever, golden.Corpus.Select(s => s.Id).ToHashSet(StringComparer.Ordinal))
    {
    }

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
            new("kind", RetrieverKinds.RunFile),
            new("file", settings.RunFile.Replace('\\', '/')),
            new("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes))),
            new("k", settings.K.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>The run file's full path.</summary>
    public string FilePath { get; }

    public RetrieverIdentity Identity { get; }

    /// <summary>The questions the run file has rankings for.</summary>
    public IReadOnlyCollection<string> QuestionIds => byQuestion.Keys;

    public IReadOnlyList<RankedSegment> Retrieve(GoldenQuestion question, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!byQuestion.TryGetValue(question.Id, out var entry))
            throw new InputFileException(FilePath, null, "questionId", $"question '{question.Id}' has no recorded ranking in this run file");
        return entry.Ranking.Count <= k ? entry.Ranking : entry.Ranking.Take(k).ToList();
    }

    public void Dispose()
    {
    }
}
