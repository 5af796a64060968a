namespace RegressionGate.Judging;

/// <summary>
/// Agreement between manual and automated labels: confusion matrix, accuracy, Cohen's kappa, linear and quadratic
/// weighted kappa, each with a percentile bootstrap 95% interval (answers resampled with replacement,
/// <see cref="DefaultResamples"/> times, seeded with <see cref="DefaultSeed"/>). Resamples where a measure is
/// undefined (e.g. every drawn answer got the same label from both sides) are left out of that measure's interval.
/// </summary>
internal static class Agreement
{
    public const int DefaultResamples = 2000;
    public const int DefaultSeed = 20240917;

    const string NoAnswers = "no answers carry both a manual and an automated label";
    const string NoExpectedDisagreement = "undefined: both sides gave every answer the same single label, so chance agreement is total";
    const string SingleAnswer = "undefined over a single answer: chance agreement needs at least two";

    public static AgreementReport Compute(IReadOnlyList<LabelPair> pairs, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var matrix = new ConfusionMatrix(pairs);
        var samples = Resample(pairs, resamples, seed);

        return new AgreementReport(
            matrix,
            Statistic(matrix, samples, AgreementMeasures.Accuracy),
            Statistic(matrix, samples, m => AgreementMeasures.Kappa(m, KappaWeighting.None)),
            Statistic(matrix, samples, m => AgreementMeasures.Kappa(m, KappaWeighting.Linear)),
            Statistic(matrix, samples, m => AgreementMeasures.Kappa(m, KappaWeighting.Quadratic)),
            resamples,
            seed);
    }

    static List<ConfusionMatrix> Resample(IReadOnlyList<LabelPair> pairs, int resamples, int seed)
    {
        var samples = new List<ConfusionMatrix>(resamples);
        if (pairs.Count == 0) return samples;
        // A seeded System.Random is specified to give the same sequence on every run and platform.
        var random = new Random(seed);
        for (var b = 0; b < resamples; b++)
        {
            var counts = new int[ConfusionMatrix.Size, ConfusionMatrix.Size];
            for (var i = 0; i < pairs.Count; i++)
            {
                var pair = pairs[random.Next(pairs.Count)];
                counts[(int)pair.Manual, (int)pair.Automated]++;
            }
            samples.Add(new ConfusionMatrix(counts));
        }
        return samples;
    }

    static AgreementStatistic Statistic(ConfusionMatrix matrix, List<ConfusionMatrix> samples, Func<ConfusionMatrix, double?> measure)
    {
        if (matrix.Total == 0) return new AgreementStatistic(null, null, null, NoAnswers);
        var value = measure(matrix);
        if (value is null) return new AgreementStatistic(null, null, null, matrix.Total == 1 ? SingleAnswer : NoExpectedDisagreement);

        var values = samples.Select(measure).OfType<double>().Order().ToList();
        if (values.Count == 0) return new AgreementStatistic(value, null, null);
        return new AgreementStatistic(value, Quantile(values, 0.025), Quantile(values, 0.975));
    }

    /// <summary>Linear interpolation between order statistics (Hyndman and Fan's type 7, R's and NumPy's default).</summary>
    internal static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
