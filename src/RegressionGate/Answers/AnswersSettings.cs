using RegressionGate.Files;

namespace RegressionGate.Answers;

/// <summary><c>gate.json</c>'s <c>answers</c> section: which answers are judged, and where the assistant is.</summary>
public sealed record AnswersSettings
{
    /// <summary>Where the answers under test come from.</summary>
    public AnswerSource Source { get; init; } = AnswerSource.Golden;

    /// <summary>For <c>endpoint</c>: how to reach the assistant and read its reply.</summary>
    public EndpointSettings? Endpoint { get; init; }

    /// <summary>Reads the <c>answers</c> section; every field is optional, except <c>endpoint</c> when the source is <c>endpoint</c>.</summary>
    internal static AnswersSettings Read(JsonFields section)
    {
        section.RejectUnknown("source", "endpoint");
        var source = AnswerSources.Parse(section.OneOf("source", AnswerSources.Names, AnswerSource.Golden.Name()));
        var endpoint = section.Has("endpoint") ? EndpointSettings.Read(section.Object("endpoint")) : null;
        if (source == AnswerSource.Endpoint && endpoint is null)
            throw section.Error("endpoint", "is missing: answers.source 'endpoint' needs the assistant's url, body, answerPath and segmentIdsPath");
        return new AnswersSettings { Source = source, Endpoint = endpoint };
    }
}
