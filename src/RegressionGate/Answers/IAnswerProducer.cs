using RegressionGate.Golden;

namespace RegressionGate.Answers;

/// <summary>Produces the answer under test for a question. Built once per run, then asked per question, possibly concurrently.</summary>
internal interface IAnswerProducer
{
    /// <summary>The source and every setting that changes its answers; answer snapshots compare it.</summary>
    AnswerIdentity Identity { get; }

    /// <summary>
    /// The answer for <paramref name="question"/>, given the retriever's top-k <paramref name="retrieved"/>; null when
    /// there is none to grade (a golden question without an answer). A failure concerns this question only;
    /// configuration problems and cancellation are thrown.
    /// </summary>
    Task<AnswerOutcome?> AnswerAsync(GoldenQuestion question, IReadOnlyList<Segment> retrieved, CancellationToken cancellationToken = default);
}
