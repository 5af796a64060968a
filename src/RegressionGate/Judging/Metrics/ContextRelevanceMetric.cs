using Microsoft.Extensions.AI;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// Context relevance@k: each segment the answer was given (the top-k) graded 0–3 for the question with
/// <see cref="ContextRelevancePrompt"/>; the question's score is the mean normalised grade. Needs no relevance labels,
/// so it measures retrieval quality where questions carry none.
/// </summary>
public sealed class ContextRelevanceMetric : RubricMetric
{
    /// <summary>How <c>judge.metrics</c>, snapshots and reports name context relevance.</summary>
    public const string MetricName = "context-relevance";

    /// <summary>Registers context relevance in a <see cref="MetricRegistry"/>, reading its entry of <c>judge.metrics</c>.</summary>
    public static MetricProvider Provider { get; } = new(MetricName, "each retrieved segment graded for the question; mean over the top-k", section =>
    {
        section.RejectUnknown([.. MetricRules.Fields(perQuestion: true)]);
        return new ContextRelevanceMetric { Rules = section.Rules() };
    });

    /// <inheritdoc/>
    public override string Name => MetricName;
    /// <inheritdoc/>
    public override string Title => "Context relevance";
    /// <inheritdoc/>
    public override string Abbreviation => "CR";
    /// <inheritdoc/>
    public override MetricInputs Inputs => MetricInputs.Segments;
    /// <inheritdoc/>
    public override UnitKind UnitKind => UnitKind.Segment;
    /// <inheritdoc/>
    public override string PromptVersion => ContextRelevancePrompt.Version;

    /// <summary>Each segment once, in rank order.</summary>
    public override IReadOnlyList<MetricUnit> Units(MetricSubject subject) =>
        subject.Segments.DistinctBy(s => s.Id, StringComparer.Ordinal).Select(s => new MetricUnit(s.Id, s.Text)).ToList();

    /// <inheritdoc/>
    public override IReadOnlyList<ChatMessage> Messages(MetricSubject subject, MetricUnit unit) =>
        ContextRelevancePrompt.Messages(subject.Question, unit.Text);

    /// <inheritdoc/>
    public override (string Query, IReadOnlyList<string> Passages) SimilarityTexts(MetricSubject subject, MetricUnit unit) =>
        (subject.Question, [unit.Text]);
}
