namespace RegressionGate.Files;

/// <summary>
/// Bad input in a file the user gave: the golden set and its <c>gate.json</c>, a model directory, a recording, a
/// snapshot, a run file or a record being imported. Located by file, line and field, so the command line can print one
/// line (<c>golden/questions.jsonl:7: field 'manual': …</c>) and exit 2 instead of showing a stack trace.
/// </summary>
/// <param name="file">The file as the user would recognise it (relative to what they typed).</param>
/// <param name="line">The 1-based line, where known.</param>
/// <param name="field">The field's path (<c>tolerances.rboMin</c>, <c>ranking[2].score</c>), where there is one.</param>
/// <param name="problem">What is wrong, and where possible how to fix it.</param>
public sealed class InputFileException(string file, int? line, string? field, string problem)
    : Exception(Format(file, line, field, problem))
{
    /// <summary>The file as the user would recognise it.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line, where known.</summary>
    public int? Line { get; } = line;

    /// <summary>The field's path, where there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; } = problem;

    static string Format(string file, int? line, string? field, string problem)
    {
        var where = line is { } l ? $"{file}:{l}" : file;
        return field is null ? $"{where}: {problem}" : $"{where}: field '{field}': {problem}";
    }
}
