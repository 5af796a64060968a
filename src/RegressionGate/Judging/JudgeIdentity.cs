using RegressionGate.Identities;

namespace RegressionGate.Judging;

/// <summary>
/// A judge's identity: kind, then every setting that changes its verdict (model, prompt version, repeats, thresholds…).
/// The properties every report shows have typed accessors; the rest are the judge's own business.
/// </summary>
public sealed class JudgeIdentity(IEnumerable<KeyValuePair<string, string>> properties) : Identity(properties)
{
    /// <summary>The property naming the judge's model or deployment.</summary>
    public const string ModelProperty = "model";

    /// <summary>The judge's model or deployment, for judges that call one.</summary>
    public string? Model => this[ModelProperty];
}
