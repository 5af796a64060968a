namespace RegressionGate.Judging;

/// <summary>The outcome of judging one <see cref="JudgeItem"/>.</summary>
internal sealed record JudgedItem(string Id, JudgeOutcome Outcome);
