namespace RegressionGate.Files;

/// <summary>Bad input in the golden set (or a record being imported), located by file, line and field.</summary>
public sealed class InputFileException(string file, int? line, string? field, string problem)
    : Exception(Format(file, line, field, problem))
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public string? Field { get; } = field;
    public string Problem { get; } = problem;

    static string Format(string file, int? line, string? field, string problem)
    {
        var where = line is { } l ? $"{file}:{l}" : file;
        return field is null ? $"{where}: {problem}" : $"{where}: field '{field}': {problem}";
    }
}
