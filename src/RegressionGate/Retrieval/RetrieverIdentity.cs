using RegressionGate.Identities;

namespace RegressionGate.Retrieval;

/// <summary>A retriever's identity: kind, then every setting that changes its ranking (model hash, k, prefixes, max tokens, analyzer…).</summary>
public sealed class RetrieverIdentity(IEnumerable<KeyValuePair<string, string>> properties) : Identity(properties);
