namespace RegressionGate.Judging;

/// <summary>The outcome of judging one <see cref="JudgeItem"/>.</summary>
public sealed record JudgedItem(string Id, JudgeOutcome Outcome);
