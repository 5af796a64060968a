using RegressionGate.Golden;

namespace RegressionGate.Judging.Metrics;

/// <summary>Everything a metric may grade for one question: the question, the answer under test, and its context.</summary>
/// <param name="QuestionId">The golden question's id.</param>
/// <param name="Question">The question as people wrote it.</param>
/// <param name="Answer">The answer under test; null when there is none to grade.</param>
/// <param name="Segments">The segments the answer was given (the retriever's top-k, or the endpoint's), best first.</param>
public sealed record MetricSubject(string QuestionId, string Question, string? Answer, IReadOnlyList<Segment> Segments)
{
    /// <summary>Whether this subject holds everything <paramref name="inputs"/> asks for.</summary>
    public bool Has(MetricInputs inputs) =>
        (!inputs.HasFlag(MetricInputs.Answer) || !string.IsNullOrWhiteSpace(Answer))
        && (!inputs.HasFlag(MetricInputs.Segments) || Segments.Count > 0);
}
