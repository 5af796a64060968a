using System.Globalization;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Llm;

namespace RegressionGate.Records;

/// <summary>
/// Turns an imported record's AR reasoning into the recording the AR judge would replay for that question and answer,
/// so a golden set started from records judges offline exactly as the record says. The reasoning must carry a score
/// that agrees with the record's AR; otherwise the record contradicts itself and nothing is imported.
/// </summary>
internal sealed class RecordJudgeRecordings : IJudgeRecordingWriter
{
    public void Check(ImportedJudgment judgment) => Plan(judgment);

    public ImportChangeKind Write(ImportedJudgment judgment)
    {
        var (store, recording) = Plan(judgment);
        var existing = store.TryRead(recording.Key);
        // The same judgment already recorded (say, a record exported from a run and imported back) keeps its provenance.
        if (existing is not null && existing.ResponseText == recording.ResponseText) return ImportChangeKind.Unchanged;
        store.Write(recording);
        return existing is null ? ImportChangeKind.Added : ImportChangeKind.Updated;
    }

    static (RecordingStore Store, Recording Recording) Plan(ImportedJudgment judgment)
    {
        var record = judgment.Record;
        var model = judgment.Model;
        var reading = JudgeOutputParser.Parse(record.Reasoning);
        if (reading.Score is not { } score)
            throw new InputFileException(judgment.RecordFile, judgment.Line, RecordLayout.ReasoningHeading, reading.Problem!);
        var normalised = (double)score / AnswerRelevancePrompt.MaxScore;
        if (record.AnswerRelevance is { } ar && Math.Abs(ar - normalised) > 0.005)
            throw new InputFileException(judgment.RecordFile, judgment.Line, RecordLayout.RelevanceHeading, string.Create(CultureInfo.InvariantCulture,
                $"AR {ar:0.00} does not match the reasoning's Score: {score} (= {normalised:0.00})"));

        var request = AnswerRelevanceJudge.Request(record.Question, record.Answer);
        var recording = new Recording(
            CanonicalRequest.From(model, request.Messages, request.Options),
            record.Reasoning,
            model,
            "stop",
            null,
            DateTimeOffset.UtcNow,
            RecordingProvenance.Imported(Path.GetFileName(judgment.RecordFile)));
        return (new RecordingStore(Path.Combine(judgment.GoldenDirectory, GoldenSet.RecordingsFolder)), recording);
    }
}
