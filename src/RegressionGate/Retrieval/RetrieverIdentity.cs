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

    /// <summary>A setting's value as identities write it: invariant, up to six decimals, no trailing zeros.</summary>
    internal static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
