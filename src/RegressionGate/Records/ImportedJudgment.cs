namespace RegressionGate.Records;

/// <summary>A record's judgment (AR, automated label, reasoning) on its way to becoming a replayable LLM recording.</summary>
/// <param name="GoldenDirectory">The full path of the golden directory being imported into.</param>
/// <param name="Record">The whole record: the judge's request is built from its question and answer, its response is <see cref="EvaluationRecord.Reasoning"/>.</param>
/// <param name="Provenance">What the recording's provenance must say, e.g. "imported from record 000_2d96afdaa130e795.txt".</param>
/// <param name="RecordFile">The record file as the user named it, for error messages.</param>
/// <param name="Line">The line of the record's "Pergunta N" heading, for error messages.</param>
/// <param name="Model">The judge model the recording is keyed by: gate.json's <c>judge.model</c>, or the one the import sets there.</param>
internal sealed record ImportedJudgment(string GoldenDirectory, EvaluationRecord Record, string Provenance, string RecordFile, int Line, string Model);
