namespace RegressionGate.Judging.Metrics;

/// <summary>
/// One thing a metric grades with one call to its judge: the whole answer (answer relevance), one retrieved segment
/// (context relevance) or one statement of the answer (groundedness).
/// </summary>
/// <param name="Id">Stable within a question: the segment id, or <c>s1</c>, <c>s2</c>… for statements, <c>answer</c> for the whole answer.</param>
/// <param name="Text">What the judge reads: the segment's text, the statement, the answer.</param>
public sealed record MetricUnit(string Id, string Text);

/// <summary>What a metric's units are, which decides how snapshots and reports show them.</summary>
public enum UnitKind
{
    /// <summary>The whole answer, graded once.</summary>
    Answer,
    /// <summary>A retrieved segment, named by its id (its text is in the corpus).</summary>
    Segment,
    /// <summary>A statement of the answer, shown with its text.</summary>
    Statement,
}
