using System.Globalization;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Judging;

/// <summary>
/// The offline stand-in for an LLM judge: the cosine of two texts' embeddings, mapped to 0–3 by ascending thresholds.
/// For answer relevance it compares question and answer; for another rubric metric, the texts the metric names
/// (<see cref="RubricMetric.SimilarityTexts"/>: question and segment, statement and the closest segment). It measures
/// topical closeness, not what a grader reads, and says so in its output. It is deterministic, so it judges once
/// whatever the repeat setting.
/// </summary>
/// <param name="embed">Embeds texts, the first as a query and the rest as passages (any prefixes are the delegate's business). Calls are serialised, so it need not be thread-safe.</param>
/// <param name="embedder">Identifies the embedding model (e.g. its hash), for the judge's identity.</param>
/// <param name="thresholds">Three ascending cosines at or above which the score is 1, 2 and 3.</param>
/// <param name="metric">The metric graded; answer relevance when null.</param>
internal sealed class SimilarityJudge(
    Func<IReadOnlyList<string>, float[][]> embed,
    string embedder,
    IReadOnlyList<double> thresholds,
    LabelThresholds labels,
    RubricMetric? metric = null) : IAnswerJudge, IMetricJudge
{
    /// <summary>The kind's name in <c>gate.json</c> and in identities.</summary>
    public const string Kind = "similarity";

    readonly IReadOnlyList<double> thresholds = Validate(thresholds);
    readonly RubricMetric metric = metric ?? AnswerRelevanceMetric.Default;
    readonly Lock gate = new();

    readonly string thresholdsText = Show(thresholds);

    /// <inheritdoc/>
    public JudgeIdentity Identity { get; } = new([
        new(JudgeIdentity.KindProperty, Kind),
        // Answer relevance's similarity identity predates other metrics; it stays as it was so its snapshots still match.
        .. metric is null or AnswerRelevanceMetric ? [] : new KeyValuePair<string, string>[] { new("metric", metric.Name) },
        new("embedder", embedder),
        new("thresholds", Show(thresholds)),
    ]);

    /// <inheritdoc/>
    public JudgeMetric Metric => metric;

    static string Show(IReadOnlyList<double> thresholds) => string.Join("/", thresholds.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)));

    public Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default) =>
        JudgeAsync(new MetricSubject("", question, answer, []), cancellationToken);

    public Task<JudgeOutcome> JudgeAsync(MetricSubject subject, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var parts = new List<PartJudgment>();
        foreach (var unit in metric.Units(subject))
        {
            var (query, passages) = metric.SimilarityTexts(subject, unit);
            float[][] vectors;
            lock (gate) vectors = embed([query, .. passages]);
            if (vectors.Length != passages.Count + 1)
                throw new InvalidOperationException($"the embedder returned {vectors.Length} vectors for {passages.Count + 1} texts");

            var cosine = passages.Count == 0 ? 0 : vectors.Skip(1).Max(v => Cosine(vectors[0], v));
            var score = ScoreFor(cosine);
            var reasoning = string.Create(CultureInfo.InvariantCulture,
                $"Similarity judge (not an LLM): {Compared(metric.UnitKind)} = {cosine:0.0000} with embedder {embedder}; thresholds {thresholdsText} for scores 1/2/3. Score: {score}");
            if (metric.Labelled) return Task.FromResult<JudgeOutcome>(Judgment.FromRepeats([(score, reasoning)], labels, metric.MaxScore));
            var (normalised, flagged) = metric.Normalise(score);
            parts.Add(new PartJudgment(unit, [score], score, normalised, reasoning, 0, flagged));
        }
        return Task.FromResult<JudgeOutcome>(MetricJudgment.Of(parts));
    }

    static string Compared(UnitKind kind) => kind switch
    {
        UnitKind.Segment => "cosine(question, segment)",
        UnitKind.Statement => "highest cosine(statement, segment)",
        _ => "cosine(question, answer)",
    };

    /// <summary>0 below the first threshold, else the number of thresholds reached.</summary>
    public int ScoreFor(double cosine) => thresholds.Count(t => cosine >= t);

    internal static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length) throw new InvalidOperationException($"embeddings differ in length ({a.Length} vs {b.Length})");
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        // A zero vector (empty text) is similar to nothing.
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    static IReadOnlyList<double> Validate(IReadOnlyList<double> thresholds)
    {
        if (thresholds.Count != AnswerRelevancePrompt.MaxScore)
            throw new ArgumentException($"the similarity judge needs {AnswerRelevancePrompt.MaxScore} thresholds, got {thresholds.Count}", nameof(thresholds));
        for (var i = 1; i < thresholds.Count; i++)
        {
            if (!(thresholds[i] > thresholds[i - 1]))
                throw new ArgumentException($"similarity thresholds must ascend, got {string.Join(", ", thresholds)}", nameof(thresholds));
        }
        return thresholds.ToList();
    }
}
