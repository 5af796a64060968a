using RegressionGate.Identities;

namespace RegressionGate.Judging;

/// <summary>A judge's identity: kind, then every setting that changes its verdict (model, prompt version, repeats, thresholds…).</summary>
public sealed class JudgeIdentity(IEnumerable<KeyValuePair<string, string>> properties) : Identity(properties);
