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
    /// <summary>How <c>judge.metrics</c>, snapshots and reports name answer relevance.</summary>
    public const string MetricName = "answer-relevance";

    /// <summary>The snapshot folder of answer relevance, named before there were other metrics.</summary>
    public const string Stage = "judge";

    /// <summary>Answer relevance with default settings.</summary>
    public static AnswerRelevanceMetric Default { get; } = new();

    /// <summary>Registers answer relevance in a <see cref="MetricRegistry"/>, reading its entry of <c>judge.metrics</c>.</summary>
    public static MetricProvider Provider { get; } = new(MetricName, "how well the answer addresses the whole question (labelled C/P/I)", section =>
    {
        section.RejectUnknown([.. MetricRules.Fields(perQuestion: false)]);
        return new AnswerRelevanceMetric { Rules = section.Rules(perQuestion: false) };
    });

    /// <inheritdoc/>
    public override string Name => MetricName;
    /// <inheritdoc/>
    public override string Title => "Answer relevance";
    /// <inheritdoc/>
    public override string Abbreviation => "AR";
    /// <inheritdoc/>
    public override MetricInputs Inputs => MetricInputs.Answer;
    /// <inheritdoc/>
    public override UnitKind UnitKind => UnitKind.Answer;
    /// <inheritdoc/>
    public override string SnapshotStage => Stage;
    /// <inheritdoc/>
    public override bool Labelled => true;
    /// <inheritdoc/>
    public override string PromptVersion => AnswerRelevancePrompt.Version;
    /// <inheritdoc/>
    public override int MaxScore => AnswerRelevancePrompt.MaxScore;

    /// <inheritdoc/>
    public override IReadOnlyList<MetricUnit> Units(MetricSubject subject) => [new("answer", subject.Answer ?? "")];

    /// <inheritdoc/>
    public override IReadOnlyList<ChatMessage> Messages(MetricSubject subject, MetricUnit unit) =>
        AnswerRelevancePrompt.Messages(subject.Question, unit.Text);

    /// <inheritdoc/>
    public override (string Query, IReadOnlyList<string> Passages) SimilarityTexts(MetricSubject subject, MetricUnit unit) =>
        (subject.Question, [unit.Text]);
}
