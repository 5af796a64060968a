using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Records;

namespace RegressionGate.Tests.Records;

/// <summary>
/// Stands in for the Llm stage's recording writer: writes each judgment to <c>recordings/{question}.txt</c> with its
/// provenance, and logs every call so tests can check the importer's protocol (check everything, then write).
/// </summary>
sealed class RecordingJudgeWriter : IJudgeRecordingWriter
{
    public List<string> Calls { get; } = [];

    /// <summary>Questions whose judgment <see cref="Check"/> refuses.</summary>
    public HashSet<string> Refuse { get; } = [];

    public void Check(ImportedJudgment judgment)
    {
        Calls.Add($"check {judgment.Record.QuestionId}");
        if (Refuse.Contains(judgment.Record.QuestionId))
            throw new InputFileException(judgment.RecordFile, judgment.Line, "Raciocínio (AR CoT)", "refused by the test");
    }

    public ImportChangeKind Write(ImportedJudgment judgment)
    {
        Calls.Add($"write {judgment.Record.QuestionId}");
        var path = Path.Combine(judgment.GoldenDirectory, GoldenSet.RecordingsFolder, $"{judgment.Record.QuestionId}.txt");
        var existed = File.Exists(path);
        var changed = AtomicFile.WriteIfChanged(path, $"{judgment.Provenance}\n{judgment.Record.Reasoning}\n");
        return !existed ? ImportChangeKind.Added : changed ? ImportChangeKind.Updated : ImportChangeKind.Unchanged;
    }
}
