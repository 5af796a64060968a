using RegressionGate.Golden;

namespace RegressionGate.Records;

/// <summary>One question's evaluation as the team keeps it: what E5 retrieved, what the LLM answered, and how people and the judge graded it.</summary>
/// <param name="QuestionId">The N of "Pergunta N".</param>
/// <param name="Question">The student's question.</param>
/// <param name="Segments">The retrieved segments, best first.</param>
/// <param name="Answer">The LLM's answer; empty when there is none.</param>
/// <param name="References">The answer's references, as printed.</param>
/// <param name="Manual">The people's label; null when not annotated yet.</param>
/// <param name="AnswerRelevance">The judge's normalised AR score (0–1); null when not judged.</param>
/// <param name="Automated">The label derived from <paramref name="AnswerRelevance"/>; null when not judged.</param>
/// <param name="Reasoning">The judge's chain of thought; empty when not judged.</param>
internal sealed record EvaluationRecord(
    string QuestionId,
    string Question,
    IReadOnlyList<RecordSegment> Segments,
    string Answer,
    IReadOnlyList<RecordReference> References,
    Label? Manual,
    double? AnswerRelevance,
    Label? Automated,
    string Reasoning);
