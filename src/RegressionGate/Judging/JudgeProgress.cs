namespace RegressionGate.Judging;

/// <summary>Progress of a judging run: reported once per finished item, from whichever thread finished it.</summary>
internal readonly record struct JudgeProgress(int Completed, int Total, string LastId, int Failed);
