namespace RegressionGate.Judging;

/// <summary>One answer to judge, named by its question's id.</summary>
public sealed record JudgeItem(string Id, string Question, string Answer);

/// <summary>The outcome of judging one <see cref="JudgeItem"/>.</summary>
public sealed record JudgedItem(string Id, JudgeOutcome Outcome);

/// <summary>Progress of a judging run: reported once per finished item, from whichever thread finished it.</summary>
public readonly record struct JudgeProgress(int Completed, int Total, string LastId, int Failed);
