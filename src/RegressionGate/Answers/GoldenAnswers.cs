using RegressionGate.Golden;

namespace RegressionGate.Answers;

/// <summary>The answers people annotated (<c>questions.jsonl</c>), graded against the retriever's current top-k.</summary>
internal sealed class GoldenAnswers : IAnswerProducer
{
    public AnswerIdentity Identity { get; } = new([new(AnswerIdentity.KindProperty, AnswerSource.Golden.Name())]);

    public Task<AnswerOutcome?> AnswerAsync(GoldenQuestion question, IReadOnlyList<Segment> retrieved, CancellationToken cancellationToken = default) =>
        Task.FromResult<AnswerOutcome?>(question.Answer is { } answer ? new AnswerUnderTest(answer, retrieved, []) : null);
}
