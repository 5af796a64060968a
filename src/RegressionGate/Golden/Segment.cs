namespace RegressionGate.Golden;

/// <summary>One transcript segment of a lecture video: the unit the retriever ranks.</summary>
public sealed record Segment(
    string Id,
    string VideoId,
    string Title,
    string? Url,
    TimeCode Start,
    TimeCode End,
    string Text);
