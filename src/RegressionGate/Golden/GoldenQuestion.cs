namespace RegressionGate.Golden;

/// <summary>A student's question, with the answer people graded and the segments that answer it, where known.</summary>
public sealed record GoldenQuestion(
    string Id,
    string Text,
    string? Answer,
    Label? Manual,
    IReadOnlyList<string> Relevant);
