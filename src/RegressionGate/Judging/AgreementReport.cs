namespace RegressionGate.Judging;

/// <summary>How well the automated labels agree with people's, over the answers that have both.</summary>
/// <param name="Resamples">Bootstrap resamples behind every interval.</param>
/// <param name="Seed">The bootstrap's random seed, fixed so the same labels always give the same intervals.</param>
public sealed record AgreementReport(
    ConfusionMatrix Matrix,
    AgreementStatistic Accuracy,
    AgreementStatistic Kappa,
    AgreementStatistic LinearKappa,
    AgreementStatistic QuadraticKappa,
    int Resamples,
    int Seed)
{
    public int Count => Matrix.Total;
}
