using RegressionGate.Files;

namespace RegressionGate.Judging;

/// <summary><c>gate.json</c>'s <c>judge</c> section: which judge grades the answers, and how.</summary>
public sealed record JudgeSettings
{
    /// <summary>A registered judge kind: <c>answer-relevance</c> (the LLM judge) or <c>similarity</c> (offline), or an extension's.</summary>
    public string Kind { get; init; } = AnswerRelevanceJudge.Kind;

    /// <summary>
    /// The judge model or Azure deployment name. Recordings are keyed by it, so replay finds them without any
    /// configuration; when absent, <c>AZURE_OPENAI_DEPLOYMENT</c> or <c>OPENAI_MODEL</c> names it.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>How often each answer is judged; the median score decides.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Cosine similarity at or above which the similarity judge gives 1, 2 and 3.</summary>
    public IReadOnlyList<double> SimilarityThresholds { get; init; } = [0.35, 0.55, 0.75];

    /// <summary>Reads the <c>judge</c> section; every field is optional, and <c>kind</c> must be one of <paramref name="kinds"/>.</summary>
    internal static JudgeSettings Read(JsonFields section, IReadOnlyList<string> kinds)
    {
        section.RejectUnknown("kind", "model", "repeats", "similarityThresholds");
        var defaults = new JudgeSettings();
        var thresholds = section.OptionalDoubleList("similarityThresholds") ?? defaults.SimilarityThresholds;
        if (thresholds.Count != 3 || thresholds[0] > thresholds[1] || thresholds[1] > thresholds[2])
            throw section.Error("similarityThresholds", "must be three ascending cosines: the minimum for scores 1, 2 and 3");
        return new JudgeSettings
        {
            Kind = section.OneOf("kind", kinds, defaults.Kind),
            Model = section.OptionalString("model", allowEmpty: false),
            Repeats = section.OptionalInt("repeats", defaults.Repeats, 1, 25),
            SimilarityThresholds = thresholds,
        };
    }
}
