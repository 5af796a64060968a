using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Tests.Llm;

namespace RegressionGate.Tests.Triad;

/// <summary>
/// How the loopback model answers each prompt of the triad, told apart by their system messages: the grounded-answer
/// prompt gets a two-sentence answer citing [1] and [2]; context relevance gives 3 to a segment about pooling and 0 to
/// any other; groundedness and answer relevance give 3, unless told otherwise.
/// </summary>
public static class LoopbackJudge
{
    public const string GeneratedAnswer = "O pooling reduz a resolução espacial dos mapas [1]. A camada de pooling também diminui o número de parâmetros [2].";

    public static string Kind(ObservedRequest request)
    {
        var system = request.Message("system");
        if (system == AnswerRelevancePrompt.System) return AnswerRelevanceMetric.MetricName;
        if (system == ContextRelevancePrompt.System) return ContextRelevanceMetric.MetricName;
        if (system == GroundednessPrompt.System) return GroundednessMetric.MetricName;
        return "answer";
    }

    public static Reply Answer(ObservedRequest request, string? groundedness = null) => Kind(request) switch
    {
        "answer" => Reply.Completion(GeneratedAnswer),
        ContextRelevanceMetric.MetricName => Verdict(request.Message("user").Split("SEGMENT:\n")[1].Contains("pooling", StringComparison.OrdinalIgnoreCase) ? 3 : 0),
        GroundednessMetric.MetricName when groundedness is not null => Reply.Completion(groundedness),
        _ => Verdict(3),
    };

    static Reply Verdict(int score) => Reply.Completion($"Criteria: what the rubric asks.\nSupporting Evidence: read over loopback.\nScore: {score}");
}
