using System.Globalization;
using Microsoft.Extensions.AI;
using RegressionGate.Golden;
using RegressionGate.Llm;
using RegressionGate.ModelCalls;

namespace RegressionGate.Answers;

/// <summary>
/// Answers generated from the retriever's current top-k with <see cref="GroundedAnswer"/>'s prompt, as <c>ask</c> does,
/// through the run's recording client: replay finds the answer only when the context is exactly the one it was
/// recorded with, so a retrieval change that changes the context is a miss that names the command to record it.
/// </summary>
/// <param name="client">The recording client (with whatever counts recordings above it).</param>
/// <param name="model">The model or deployment the recording keys name.</param>
internal sealed class GeneratedAnswers(IChatClient client, string model) : IAnswerProducer
{
    public AnswerIdentity Identity { get; } = new([
        new(AnswerIdentity.KindProperty, AnswerSource.Generate.Name()),
        new("model", model),
        new("promptVersion", GroundedAnswer.PromptVersion),
        new("temperature", "0"),
    ]);

    public async Task<AnswerOutcome?> AnswerAsync(GoldenQuestion question, IReadOnlyList<Segment> retrieved, CancellationToken cancellationToken = default)
    {
        try
        {
            var (answer, references) = await GroundedAnswer.AskAsync(client, question.Text, retrieved, cancellationToken).ConfigureAwait(false);
            return new AnswerUnderTest(answer, retrieved, references);
        }
        catch (ModelCallException e)
        {
            // The request holds the question and every segment of the context, so a miss means one of them changed.
            var prefix = e.Failure == ModelCallFailure.MissingRecording
                ? string.Create(CultureInfo.InvariantCulture, $"generated answer (the question or its top {retrieved.Count} changed since the answer was recorded): ")
                : "generated answer: ";
            return AnswerFailure.Of(e, prefix);
        }
    }
}
