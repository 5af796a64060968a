namespace RegressionGate.Gate;

/// <summary>
/// Why failing checks failed, in one line for all the questions it affects: <c>retriever changed (dense → bm25)</c>
/// on 56 questions is one cause, not 56 failures. The run finds its causes once (<see cref="GateResult.Causes"/>) and
/// every report, the console and the test output show that same list.
/// </summary>
/// <param name="Description">The cause in words, without the questions: <c>segment 1009 text changed</c>.</param>
/// <param name="Failures">The failing checks it explains, in golden-set order.</param>
public sealed record Cause(CauseKind Kind, string Description, IReadOnlyList<CausedFailure> Failures)
{
    /// <summary>The questions it affects, each once, in golden-set order.</summary>
    public IReadOnlyList<string> QuestionIds => Failures.Select(f => f.QuestionId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The kinds of check it explains, each once, in <see cref="QuestionCheck"/> order.</summary>
    internal IReadOnlyList<QuestionCheck> Checks => Failures.Select(f => f.Check).Distinct().Order().ToList();

    /// <summary>Whether it explains a failure of <paramref name="questionId"/>.</summary>
    public bool Affects(string questionId) => Failures.Any(f => f.QuestionId == questionId);

    /// <summary>
    /// A cause that changes how every question is measured (another retriever or judge): what it does to one question
    /// says nothing the cause does not, so short listings leave those questions out.
    /// </summary>
    public bool SetWide => Kind is CauseKind.RetrieverChanged or CauseKind.JudgeChanged;
}

/// <summary>What kind of change a <see cref="Cause"/> is, in the order the reports rank causes of equal reach.</summary>
public enum CauseKind
{
    /// <summary>The retriever's identity differs from the verified snapshot's (kind, model, k, prefixes…).</summary>
    RetrieverChanged,
    /// <summary>The judge's identity differs from the verified judgment's (kind, model, prompt version…).</summary>
    JudgeChanged,
    /// <summary>A segment ranked before or now has other text than when it was verified.</summary>
    SegmentChanged,
    /// <summary>A segment of the verified ranking is no longer in the corpus.</summary>
    SegmentRemoved,
    /// <summary>The question's text differs from the verified snapshot's.</summary>
    QuestionChanged,
    /// <summary>The judged answer's text differs from the one verified.</summary>
    AnswerChanged,
    /// <summary>The judge gave no judgment (no recording, unreadable output, failed call).</summary>
    JudgeFailed,
    /// <summary>There is no (readable) verified snapshot to compare with.</summary>
    NoBaseline,
    /// <summary>The result moved with nothing the gate records having changed (other corpus edits, a model's nondeterminism).</summary>
    Unexplained,
}

/// <summary>One failing check a <see cref="Cause"/> explains.</summary>
public readonly record struct CausedFailure(string QuestionId, QuestionCheck Check);
