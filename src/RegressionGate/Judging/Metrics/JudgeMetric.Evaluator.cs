using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RegressionGate.Golden;

namespace RegressionGate.Judging.Metrics;

/// <summary>The metric as a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>.</summary>
public abstract partial class JudgeMetric : IEvaluator
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> EvaluationMetricNames => [Title];

    /// <summary>
    /// Grades <paramref name="modelResponse"/> (the answer) for the last user message of <paramref name="messages"/>
    /// (the question), with the segments of a <see cref="RetrievedSegmentsContext"/> (or the text of any other context)
    /// as the answer's context, asking the model of <paramref name="chatConfiguration"/> once per unit. The result holds
    /// one <see cref="NumericMetric"/> named <see cref="Title"/>: the normalised score (0–1) with the judge's reasoning,
    /// or no value and an error diagnostic holding the raw output when the judge's answer has no valid score.
    /// </summary>
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var client = chatConfiguration?.ChatClient
                     ?? throw new ArgumentNullException(nameof(chatConfiguration), $"{Title} needs a chat configuration naming the judge model");
        var contexts = additionalContext?.ToList() ?? [];
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var subject = new MetricSubject("evaluation", question, modelResponse.Text, Segments(contexts));
        var model = client.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";

        JudgeOutcome outcome;
        if (!subject.Has(Inputs))
        {
            outcome = new JudgeFailure(JudgeFailureKind.UnreadableScore, Inputs.HasFlag(MetricInputs.Segments) && subject.Segments.Count == 0
                ? $"{Title} needs the retrieved segments as additional context (a {nameof(RetrievedSegmentsContext)})"
                : $"{Title} needs an answer to grade");
        }
        else
        {
            outcome = await CreateJudge(new LlmBackend(client, model, 1), new LabelThresholds()).JudgeAsync(subject, cancellationToken).ConfigureAwait(false);
        }
        var metric = MetricEvaluation.ToNumericMetric(this, outcome);
        if (contexts.Count > 0) metric.AddOrUpdateContext(contexts);
        return new EvaluationResult(metric);
    }

    static IReadOnlyList<Segment> Segments(IReadOnlyList<EvaluationContext> contexts)
    {
        if (contexts.OfType<RetrievedSegmentsContext>().FirstOrDefault() is { } retrieved) return retrieved.Segments;
        // Any other context: each text it holds is one segment, numbered in order.
        return contexts.SelectMany(c => c.Contents.OfType<TextContent>())
            .Select((text, i) => RetrievedSegmentsContext.Untimed($"context-{i + 1}", text.Text))
            .ToList();
    }
}
