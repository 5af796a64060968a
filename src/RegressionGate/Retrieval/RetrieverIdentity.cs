using System.Globalization;
using RegressionGate.Identities;

namespace RegressionGate.Retrieval;

/// <summary>
/// A retriever's identity: kind, then every setting that changes its ranking (model hash, k, prefixes, max tokens,
/// analyzer…). The properties every report shows have typed accessors; the rest are the kind's own business.
/// </summary>
public sealed class RetrieverIdentity(IEnumerable<KeyValuePair<string, string>> properties) : Identity(properties)
{
    /// <summary>The property naming the embedding model (as <c>retriever.model</c> names it).</summary>
    public const string ModelProperty = "model";

    /// <summary>The property naming the run file a recorded ranking comes from.</summary>
    public const string RunFileProperty = "file";

    /// <summary>The property holding k, how many segments are retrieved.</summary>
    public const string KProperty = "k";

    /// <summary>The embedding model, for kinds that embed.</summary>
    public string? Model => this[ModelProperty];

    /// <summary>The run file, for recorded rankings.</summary>
    public string? RunFile => this[RunFileProperty];

    /// <summary>Where the ranking comes from, in one word for a report: the model, else the run file, else null.</summary>
    public string? Source => Model ?? RunFile;

    /// <summary>How many segments are retrieved, where the identity says.</summary>
    public int? K => int.TryParse(this[KProperty], NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : null;

    /// <summary>
    /// Whether a score from this retriever means the same as one from <paramref name="other"/>: only rankings of the
    /// same kind with the same model (name and file hash) score on one scale; a cosine and a BM25 score do not compare.
    /// </summary>
    internal bool ScoresComparableWith(RetrieverIdentity other) =>
        Kind == other.Kind && Model == other.Model && this[ModelSha256Property] == other[ModelSha256Property];

    /// <summary>The property holding the SHA-256 of the embedding model's files, for kinds that embed.</summary>
    public const string ModelSha256Property = "modelSha256";

    /// <summary>What scored a ranking, in a few words for a message: <c>dense (bundled:all-MiniLM-L6-v2)</c>, <c>bm25</c>.</summary>
    internal string Scorer => Source is { } source ? $"{Kind} ({source})" : Kind;

    /// <summary>A setting's value as identities write it: invariant, up to six decimals, no trailing zeros.</summary>
    internal static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
