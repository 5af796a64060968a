namespace RegressionGate.Llm;

/// <summary>A retry about to happen: after attempt <see cref="Attempt"/> got <see cref="Status"/> (null: no response), wait <see cref="Delay"/>.</summary>
internal readonly record struct LlmRetry(int Attempt, int? Status, TimeSpan Delay);
