using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Records;

/// <summary>Writes a run's results as one evaluation record per question, in the layout the team annotates.</summary>
internal static class EvaluationExport
{
    /// <summary>The records' paths, in golden-set order.</summary>
    public static IReadOnlyList<string> Write(GateEvaluation evaluation, string outDirectory) =>
        Write(evaluation.Golden, id => evaluation.Rankings[id], evaluation.Judged.GetValueOrDefault, outDirectory,
            id => evaluation.AnswerSource.Produced ? evaluation.Answers.GetValueOrDefault(id) : null);

    /// <summary>
    /// The records of any run that has, per question, a ranking and maybe a judge outcome: an evaluation (<c>export</c>)
    /// or a verified gate result (the reports). Returns the paths in golden-set order.
    /// </summary>
    /// <param name="produced">The answer the run produced for a question, when it produced one; its text and cited segments replace the golden answer and its imported references.</param>
    public static IReadOnlyList<string> Write(GoldenSet golden, Func<string, IReadOnlyList<RankedSegment>> ranking,
        Func<string, JudgeOutcome?> judged, string outDirectory, Func<string, AnswerOutcome?>? produced = null)
    {
        Directory.CreateDirectory(outDirectory);
        var questions = Questions(golden, ranking, judged).Select(q => produced?.Invoke(q.QuestionId) switch
        {
            AnswerUnderTest answer => q with
            {
                Answer = answer.Text,
                References = answer.References.Select(s => new RecordReference($"{s.VideoId} {s.Start}–{s.End}", s.Url ?? "")).ToList(),
            },
            AnswerFailure failure => q with { Answer = $"(no answer: {failure.Message})", References = [] },
            _ => q,
        });
        return RecordExporter.Export(golden, questions, outDirectory);
    }

    /// <summary>What each golden question's record says about this run, with the references imported beside the golden set.</summary>
    public static IEnumerable<ExportQuestion> Questions(GoldenSet golden, Func<string, IReadOnlyList<RankedSegment>> ranking,
        Func<string, JudgeOutcome?> judged)
    {
        return golden.Questions.Select(question =>
        {
            var outcome = judged(question.Id);
            return new ExportQuestion(
                question.Id,
                ranking(question.Id),
                golden.References.GetValueOrDefault(question.Id) ?? [],
                (outcome as Judgment)?.Normalised,
                (outcome as Judgment)?.Label,
                outcome switch
                {
                    Judgment j => j.Reasoning,
                    JudgeFailure f => $"(no judgment: {f.Message})",
                    _ => "",
                });
        });
    }
}
