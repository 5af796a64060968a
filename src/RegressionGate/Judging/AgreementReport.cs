namespace RegressionGate.Judging;

/// <summary>How well the automated labels agree with people's, over the answers that have both.</summary>
/// <param name="Matrix">Manual (rows) × automated (columns) label counts.</param>
/// <param name="Accuracy">The share of answers whose labels agree.</param>
/// <param name="Kappa">Cohen's kappa.</param>
/// <param name="LinearKappa">Kappa weighted linearly over I &lt; P &lt; C.</param>
/// <param name="QuadraticKappa">Kappa weighted quadratically over I &lt; P &lt; C.</param>
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
    /// <summary>How many answers carry both labels.</summary>
    public int Count => Matrix.Total;
}
