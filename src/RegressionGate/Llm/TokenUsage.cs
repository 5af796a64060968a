namespace RegressionGate.Llm;

/// <summary>Tokens a call used, as the service reported them (any may be unknown).</summary>
internal sealed record TokenUsage(long? Input, long? Output, long? Total);
