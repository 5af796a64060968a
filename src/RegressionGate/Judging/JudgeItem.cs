namespace RegressionGate.Judging;

/// <summary>One answer to judge, named by its question's id.</summary>
internal sealed record JudgeItem(string Id, string Question, string Answer);
