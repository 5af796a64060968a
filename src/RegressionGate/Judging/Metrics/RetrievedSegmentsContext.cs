using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RegressionGate.Golden;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// The segments an answer was given, as Microsoft.Extensions.AI.Evaluation context: what context relevance and
/// groundedness grade against. Each segment is one text content, best first.
/// </summary>
public sealed class RetrievedSegmentsContext(IReadOnlyList<Segment> segments)
    : EvaluationContext(ContextName, segments.Select(s => (AIContent)new TextContent(s.Text)).ToList())
{
    /// <summary>The context's name in an evaluation result.</summary>
    public const string ContextName = "Retrieved segments";

    /// <summary>The segments, best first.</summary>
    public IReadOnlyList<Segment> Segments { get; } = segments;

    /// <summary>A segment known only by an id and its text (no video or times), for contexts from elsewhere.</summary>
    public static Segment Untimed(string id, string text) => new(id, "", "", null, default, default, text);
}
