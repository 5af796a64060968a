using RegressionGate.Golden;
using RegressionGate.Retrieval;

namespace RegressionGate.Records;

/// <summary>What the current run says about one golden question; the question text, answer and manual label come from the golden set.</summary>
/// <param name="QuestionId">The golden question.</param>
/// <param name="Retrieved">The retriever's ranking; each id must be in the corpus.</param>
/// <param name="References">The answer's references (see <see cref="AnswerReferences"/> for those imported with it).</param>
/// <param name="AnswerRelevance">The judge's normalised score, or null when not judged.</param>
/// <param name="Automated">The label derived from it, or null when not judged.</param>
/// <param name="Reasoning">The judge's reasoning; empty when not judged.</param>
internal sealed record ExportQuestion(
    string QuestionId,
    IReadOnlyList<RankedSegment> Retrieved,
    IReadOnlyList<RecordReference> References,
    double? AnswerRelevance,
    Label? Automated,
    string Reasoning)
{
    /// <summary>The answer the run graded when it produced one (generated, or from the endpoint); null for the golden set's.</summary>
    public string? Answer { get; init; }
}
