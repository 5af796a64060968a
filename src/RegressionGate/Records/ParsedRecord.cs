namespace RegressionGate.Records;

/// <summary>A record with where it came from, so a later conflict can point at the file and line.</summary>
/// <param name="File">The record file as the user named it.</param>
/// <param name="Line">The line of its "Pergunta N" heading.</param>
/// <param name="SegmentLines">For each retrieved segment, the lines of its fields.</param>
internal sealed record ParsedRecord(EvaluationRecord Record, string File, int Line, IReadOnlyList<SegmentLines> SegmentLines);

/// <summary>Where one retrieved segment's fields stand in its record, so a conflict in a field is blamed on its own line.</summary>
internal sealed record SegmentLines(int CorpusId, int Start, int End, int Transcript)
{
    /// <summary>The line of the record field named <paramref name="field"/> (a <see cref="RecordLayout"/> field name); the "Corpus ID" line for any other.</summary>
    public int Of(string field) => field switch
    {
        RecordLayout.StartField => Start,
        RecordLayout.EndField => End,
        RecordLayout.TranscriptField => Transcript,
        _ => CorpusId,
    };
}
