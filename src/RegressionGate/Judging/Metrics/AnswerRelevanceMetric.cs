using Microsoft.Extensions.AI;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// Answer relevance, the seed's metric: how well the answer addresses the whole question, graded once per answer with
/// <see cref="AnswerRelevancePrompt"/>. Labelled: 1.0 → C, ≥ 1/3 → P, else I (thresholds in <c>labels</c>), compared
/// with people's labels. Its snapshots stay in <c>judge/</c> and its per-question tolerance is <c>tolerances.arScore</c>,
/// as before there were other metrics, so existing snapshots and recordings keep working.
/// </summary>
public sealed class AnswerRelevanceMetric : RubricMetric
{
    public const string MetricName = "answer-relevance";

    /// <summary>The snapshot folder of answer relevance, named before there were other metrics.</summary>
    public const string Stage = "judge";

    /// <summary>Answer relevance with default settings.</summary>
    public static AnswerRelevanceMetric Default { get; } = new();

    public static MetricProvider Provider { get; } = new(MetricName, "how well the answer addresses the whole question (labelled C/P/I)", section =>
    {
        section.RejectUnknown([.. MetricRules.Fields(perQuestion: false)]);
        return new AnswerRelevanceMetric { Rules = MetricRules.Read(section, perQuestion: false) };
    });

    public override string Name => MetricName;
    public override string Title => "Answer relevance";
    public override string Abbreviation => "AR";
    public override MetricInputs Inputs => MetricInputs.Answer;
    public override UnitKind UnitKind => UnitKind.Answer;
    public override string SnapshotStage => Stage;
    public override bool Labelled => true;
    public override string PromptVersion => AnswerRelevancePrompt.Version;
    public override int MaxScore => AnswerRelevancePrompt.MaxScore;

    public override IReadOnlyList<MetricUnit> Units(MetricSubject subject) => [new("answer", subject.Answer ?? "")];

    public override IReadOnlyList<ChatMessage> Messages(MetricSubject subject, MetricUnit unit) =>
        AnswerRelevancePrompt.Messages(subject.Question, unit.Text);

    public override (string Query, IReadOnlyList<string> Passages) SimilarityTexts(MetricSubject subject, MetricUnit unit) =>
        (subject.Question, [unit.Text]);
}
