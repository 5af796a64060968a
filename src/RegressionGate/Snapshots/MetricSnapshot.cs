using RegressionGate.Judging;

namespace RegressionGate.Snapshots;

/// <summary>
/// One question's verdict on a part-wise metric as verified: who judged, the mean normalised score (null when there
/// was nothing to grade), and each part (a segment, a statement) with its grade and reasoning.
/// </summary>
public sealed record MetricSnapshot(string QuestionId, JudgeIdentity Judge, double? Score, IReadOnlyList<PartSnapshot> Parts);

/// <summary>One graded part: a segment by id, or a statement with its text.</summary>
/// <param name="Text">The statement; null for a segment, whose text is in the corpus.</param>
/// <param name="Score">The median grade on the judge's scale.</param>
/// <param name="Flagged">Below the metric's flag threshold: for groundedness, an unsupported statement.</param>
public sealed record PartSnapshot(string Id, string? Text, double Score, double Normalised, IReadOnlyList<double> Repeats, bool Flagged, string Reasoning)
{
    /// <summary>What identifies the part across runs: a statement by its words (ids renumber when one is added), a segment by its id.</summary>
    public string Key => Text ?? Id;
}
