namespace RegressionGate.Llm.Batches;

/// <summary>How far the batches a run waits for are: requests answered or failed, of all, and the furthest-behind batch's status.</summary>
internal readonly record struct BatchProgress(int Done, int Total, BatchStatus Status);
