using System.Globalization;

namespace RegressionGate.Judging;

/// <summary>
/// The offline stand-in for an LLM judge: the cosine of the question's and the answer's embeddings, mapped to 0–3 by
/// ascending thresholds. It measures topical closeness, not relevance as a grader reads it, and says so in its output.
/// It is deterministic, so it judges once whatever the repeat setting.
/// </summary>
/// <param name="embed">Embeds texts (any prefixes are the delegate's business). Calls are serialised, so it need not be thread-safe.</param>
/// <param name="embedder">Identifies the embedding model (e.g. its hash), for the judge's identity.</param>
/// <param name="thresholds">Three ascending cosines at or above which the score is 1, 2 and 3.</param>
internal sealed class SimilarityJudge(
    Func<IReadOnlyList<string>, float[][]> embed,
    string embedder,
    IReadOnlyList<double> thresholds,
    LabelThresholds labels) : IAnswerJudge
{
    /// <summary>The kind's name in <c>gate.json</c> and in identities.</summary>
    public const string Kind = "similarity";

    readonly IReadOnlyList<double> thresholds = Validate(thresholds);
    readonly Lock gate = new();

    readonly string thresholdsText = Show(thresholds);

    /// <inheritdoc/>
    public JudgeIdentity Identity { get; } = new([
        new(JudgeIdentity.KindProperty, Kind),
        new("embedder", embedder),
        new("thresholds", Show(thresholds)),
    ]);

    static string Show(IReadOnlyList<double> thresholds) => string.Join("/", thresholds.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)));

    public Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        float[][] vectors;
        lock (gate) vectors = embed([question, answer]);
        if (vectors.Length != 2) throw new InvalidOperationException($"the embedder returned {vectors.Length} vectors for 2 texts");

        var cosine = Cosine(vectors[0], vectors[1]);
        var score = ScoreFor(cosine);
        var reasoning = string.Create(CultureInfo.InvariantCulture,
            $"Similarity judge (not an LLM): cosine(question, answer) = {cosine:0.0000} with embedder {embedder}; thresholds {thresholdsText} for scores 1/2/3. Score: {score}");
        return Task.FromResult<JudgeOutcome>(Judgment.FromRepeats([(score, reasoning)], labels, AnswerRelevancePrompt.MaxScore));
    }

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
