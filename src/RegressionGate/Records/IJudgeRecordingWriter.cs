namespace RegressionGate.Records;

/// <summary>
/// Turns an imported record's judgment into an LLM recording for replay. The recording format belongs to the Llm stage,
/// which implements this; the importer only decides when it is called: <see cref="Check"/> for every record before any
/// file is written, <see cref="Write"/> only once everything checked out.
/// </summary>
internal interface IJudgeRecordingWriter
{
    /// <summary>Throws a <see cref="Files.InputFileException"/> when the judgment cannot become a recording; writes nothing.</summary>
    void Check(ImportedJudgment judgment);

    /// <summary>Writes the recording atomically and says whether it was added, updated, or already there byte for byte.</summary>
    ImportChangeKind Write(ImportedJudgment judgment);
}
