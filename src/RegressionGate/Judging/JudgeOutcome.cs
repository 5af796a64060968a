namespace RegressionGate.Judging;

/// <summary>What judging one answer produced: a <see cref="Judgment"/> or a <see cref="JudgeFailure"/>.</summary>
public abstract record JudgeOutcome;
