namespace RegressionGate.Judging;

/// <summary>Grades how relevant an answer is to its question. Built once per run, then asked per question, possibly concurrently.</summary>
public interface IAnswerJudge
{
    /// <summary>The kind and every setting that changes a verdict; judge snapshots compare it.</summary>
    JudgeIdentity Identity { get; }

    /// <summary>
    /// A <see cref="Judgment"/>, or a <see cref="JudgeFailure"/> for this question only (unreadable output, missing
    /// recording, failed call). Configuration problems and cancellation are thrown, since they concern the whole run.
    /// </summary>
    Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default);
}
