using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Records;

/// <summary>Writes a run's results as one evaluation record per question, in the layout the team annotates.</summary>
public static class EvaluationExport
{
    /// <summary>The records' paths, in golden-set order.</summary>
    public static IReadOnlyList<string> Write(GateEvaluation evaluation, string outDirectory)
    {
        var golden = evaluation.Golden;
        var references = AnswerReferences.Read(Path.Combine(golden.Directory, AnswerReferences.FileName), AnswerReferences.FileName);
        var items = golden.Questions.Select(question =>
        {
            var judgment = evaluation.Judged.GetValueOrDefault(question.Id);
            return new ExportQuestion(
                question.Id,
                evaluation.Rankings[question.Id],
                references.GetValueOrDefault(question.Id) ?? [],
                (judgment as Judgment)?.Normalised,
                (judgment as Judgment)?.Label,
                judgment switch
                {
                    Judgment j => j.Reasoning,
                    JudgeFailure f => $"(no judgment: {f.Message})",
                    _ => "",
                });
        });
        Directory.CreateDirectory(outDirectory);
        return RecordExporter.Export(golden, items, outDirectory);
    }
}
