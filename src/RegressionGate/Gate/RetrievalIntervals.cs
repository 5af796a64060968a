using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Gate;

/// <summary>
/// Percentile bootstrap 95% intervals of the mean recall, MRR and nDCG over questions, resampled with the same fixed
/// resample count and seed as the agreement intervals, so a report's intervals are reproducible.
/// </summary>
public sealed record RetrievalIntervals(Interval Recall, Interval Mrr, Interval Ndcg)
{
    internal static RetrievalIntervals? Compute(
        IReadOnlyList<(IReadOnlyList<string> Ranked, IReadOnlyCollection<string> Relevant)> questions, int k,
        int resamples = Agreement.DefaultResamples, int seed = Agreement.DefaultSeed)
    {
        var measured = questions.Where(q => q.Relevant.Count > 0)
            .Select(q => (Recall: RetrievalMetrics.RecallAtK(q.Ranked, q.Relevant, k),
                          Mrr: RetrievalMetrics.ReciprocalRankAtK(q.Ranked, q.Relevant, k),
                          Ndcg: RetrievalMetrics.NdcgAtK(q.Ranked, q.Relevant, k)))
            .ToList();
        if (measured.Count == 0) return null;

        var random = new Random(seed);
        var recall = new double[resamples];
        var mrr = new double[resamples];
        var ndcg = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            double r = 0, m = 0, n = 0;
            for (var i = 0; i < measured.Count; i++)
            {
                var pick = measured[random.Next(measured.Count)];
                r += pick.Recall;
                m += pick.Mrr;
                n += pick.Ndcg;
            }
            recall[b] = r / measured.Count;
            mrr[b] = m / measured.Count;
            ndcg[b] = n / measured.Count;
        }
        return new RetrievalIntervals(Of(recall), Of(mrr), Of(ndcg));
    }

    static Interval Of(double[] values)
    {
        Array.Sort(values);
        return new Interval(Agreement.Quantile(values, 0.025), Agreement.Quantile(values, 0.975));
    }
}

/// <summary>A 95% interval.</summary>
public readonly record struct Interval(double Low, double High);
