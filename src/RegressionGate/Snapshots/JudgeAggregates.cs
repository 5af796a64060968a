namespace RegressionGate.Snapshots;

/// <summary>
/// How well the judge's automated labels agree with people's over the answers that have a manual label.
/// A kappa is null where it is undefined (every label the same on both sides).
/// </summary>
public sealed record JudgeAggregates(int Answers, double Accuracy, double? Kappa, double? LinearKappa, double? QuadraticKappa);
