namespace RegressionGate.Judging;

/// <summary>
/// One agreement measure with its bootstrap 95% percentile interval. <see cref="Value"/> is <c>null</c> when the
/// measure is undefined for these labels, and <see cref="Undefined"/> says why; the interval is <c>null</c> then too,
/// or when no resample had it defined.
/// </summary>
public sealed record AgreementStatistic(double? Value, double? Low, double? High, string? Undefined = null);
