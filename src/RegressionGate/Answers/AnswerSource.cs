namespace RegressionGate.Answers;

/// <summary>Where the answers under test come from (<c>answers.source</c>, <c>--answers</c>).</summary>
public enum AnswerSource
{
    /// <summary>The answers people annotated, stored in <c>questions.jsonl</c>: the default.</summary>
    Golden,
    /// <summary>Generated from the current top-k with the grounded-answer prompt <c>ask</c> uses; recorded and replayed.</summary>
    Generate,
    /// <summary>The team's own assistant over HTTP; recorded and replayed.</summary>
    Endpoint,
}

/// <summary>The names <c>gate.json</c> and the command line use for <see cref="AnswerSource"/>.</summary>
public static class AnswerSources
{
    /// <summary>Every source's name, in the order help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<AnswerSource>().Select(Name).ToList();

    /// <summary>How <c>gate.json</c> and the command line name <paramref name="source"/>.</summary>
    public static string Name(this AnswerSource source) => source switch
    {
        AnswerSource.Golden => "golden",
        AnswerSource.Generate => "generate",
        AnswerSource.Endpoint => "endpoint",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>The source <paramref name="name"/> names; callers validate against <see cref="Names"/> first.</summary>
    public static AnswerSource Parse(string name)
    {
        foreach (var source in Enum.GetValues<AnswerSource>())
        {
            if (source.Name() == name) return source;
        }
        throw new ArgumentException($"'{name}' is not one of {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Whether answers from this source are produced by the run, and so snapshotted.</summary>
    internal static bool Produced(this AnswerSource source) => source != AnswerSource.Golden;
}
