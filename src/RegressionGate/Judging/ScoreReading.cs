namespace RegressionGate.Judging;

/// <summary>The score read from a judge's output, or the reason there is none.</summary>
internal readonly record struct ScoreReading(int? Score, string? Problem)
{
    public bool Succeeded => Score is not null;

    public static ScoreReading Of(int score) => new(score, null);

    public static ScoreReading Failed(string problem) => new(null, problem);
}
