namespace RegressionGate.Judging;

/// <summary>Accuracy and (weighted) Cohen's kappa of a confusion matrix; <c>null</c> where the measure is undefined, never NaN.</summary>
internal static class AgreementMeasures
{
    /// <summary>The share of answers whose two labels agree; undefined for no answers.</summary>
    public static double? Accuracy(ConfusionMatrix matrix)
    {
        if (matrix.Total == 0) return null;
        var agreed = 0;
        for (var i = 0; i < ConfusionMatrix.Size; i++) agreed += matrix[i, i];
        return (double)agreed / matrix.Total;
    }

    /// <summary>
    /// κ_w = 1 − Σ w·observed / Σ w·expected, with disagreement weights w (Cohen 1968); with 0/1 weights this is
    /// Cohen's (p_o − p_e) / (1 − p_e). Undefined when no disagreement is expected by chance: both sides gave every
    /// answer the same one label, or there are no answers; and over a single answer, whose chance agreement is 0 or 1
    /// by construction, so that its kappa would be 0 or undefined whatever the judge is worth.
    /// </summary>
    public static double? Kappa(ConfusionMatrix matrix, KappaWeighting weighting = KappaWeighting.None)
    {
        var n = matrix.Total;
        if (n < 2) return null;
        var rows = new double[ConfusionMatrix.Size];
        var columns = new double[ConfusionMatrix.Size];
        for (var i = 0; i < ConfusionMatrix.Size; i++)
        {
            for (var j = 0; j < ConfusionMatrix.Size; j++)
            {
                rows[i] += matrix[i, j];
                columns[j] += matrix[i, j];
            }
        }

        double observed = 0, expected = 0;
        for (var i = 0; i < ConfusionMatrix.Size; i++)
        {
            for (var j = 0; j < ConfusionMatrix.Size; j++)
            {
                var w = Weight(i, j, weighting);
                observed += w * matrix[i, j] / n;
                expected += w * rows[i] * columns[j] / ((double)n * n);
            }
        }
        return expected < 1e-12 ? null : 1 - observed / expected;
    }

    internal static double Weight(int i, int j, KappaWeighting weighting)
    {
        var distance = Math.Abs(i - j) / (double)(ConfusionMatrix.Size - 1);
        return weighting switch
        {
            KappaWeighting.None => i == j ? 0 : 1,
            KappaWeighting.Linear => distance,
            KappaWeighting.Quadratic => distance * distance,
            _ => throw new ArgumentOutOfRangeException(nameof(weighting)),
        };
    }
}
