using RegressionGate.Identities;

namespace RegressionGate.Answers;

/// <summary>Where the answers under test came from and every setting that changes them (model, prompt version, URL, paths).</summary>
public sealed class AnswerIdentity(IEnumerable<KeyValuePair<string, string>> properties) : Identity(properties)
{
    /// <summary>The run produced the answers (generated, or asked of the endpoint), rather than reading golden ones.</summary>
    public bool Produced => Kind != AnswerSource.Golden.Name();
}
