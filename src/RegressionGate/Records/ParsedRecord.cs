namespace RegressionGate.Records;

/// <summary>A record with where it came from, so a later conflict can point at the file and line.</summary>
/// <param name="File">The record file as the user named it.</param>
/// <param name="Line">The line of its "Pergunta N" heading.</param>
/// <param name="SegmentLines">For each retrieved segment, the line of its "Corpus ID".</param>
internal sealed record ParsedRecord(EvaluationRecord Record, string File, int Line, IReadOnlyList<int> SegmentLines);
