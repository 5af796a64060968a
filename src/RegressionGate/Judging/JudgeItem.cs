namespace RegressionGate.Judging;

/// <summary>One answer to judge, named by its question's id.</summary>
public sealed record JudgeItem(string Id, string Question, string Answer);
