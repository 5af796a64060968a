using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RegressionGate.Golden;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Tests.Judging.Metrics;

/// <summary>The metrics as Microsoft.Extensions.AI.Evaluation evaluators, usable in a pipeline of their own.</summary>
public sealed class MetricsAsEvaluatorsTests
{
    static readonly IReadOnlyList<Segment> Segments =
    [
        RetrievedSegmentsContext.Untimed("1009", "o max pooling pega o maior valor da janela e reduz a resolução pela metade"),
        RetrievedSegmentsContext.Untimed("1600", "o k-means escolhe k centroides e atribui cada ponto ao mais próximo"),
    ];

    static ChatConfiguration Model(Func<string, string> answer) =>
        new(new ScriptedChatClient((messages, _) => answer(messages[^1].Text)));

    [Fact]
    public async Task Context_relevance_grades_each_segment_of_the_context_and_reports_the_normalised_mean()
    {
        var model = Model(user => user.Split("SEGMENT:\n")[1].Contains("pooling", StringComparison.Ordinal) ? "Criteria: c\nSupporting Evidence: e\nScore: 3" : "Criteria: c\nSupporting Evidence: e\nScore: 0");

        var result = await new ContextRelevanceMetric().EvaluateAsync(
            [new ChatMessage(ChatRole.User, "Para que serve o pooling?")], new ChatResponse(new ChatMessage(ChatRole.Assistant, "Reduz a resolução.")),
            model, [new RetrievedSegmentsContext(Segments)]);

        var metric = result.Get<NumericMetric>("Context relevance");
        Assert.Equal(0.5, metric.Value);
        Assert.Equal("1009: 1.00\n1600: 0.00", metric.Reason);
        Assert.False(metric.Interpretation!.Failed);
        Assert.Contains(RetrievedSegmentsContext.ContextName, metric.Context!.Keys);
    }

    [Fact]
    public async Task A_malformed_score_is_no_value_and_an_error_holding_the_raw_output_never_a_zero()
    {
        var result = await new GroundednessMetric().EvaluateAsync(
            [new ChatMessage(ChatRole.User, "Para que serve o pooling?")],
            new ChatResponse(new ChatMessage(ChatRole.Assistant, "O max pooling reduz a resolução pela metade.")),
            Model(_ => "Criteria: c\nSupporting Evidence: e\nScore: most of it"), [new RetrievedSegmentsContext(Segments)]);

        var metric = result.Get<NumericMetric>("Groundedness");
        Assert.Null(metric.Value);
        Assert.True(metric.Interpretation!.Failed);
        var error = Assert.Single(metric.Diagnostics!, d => d.Severity == EvaluationDiagnosticSeverity.Error);
        Assert.Contains("Score: most of it", error.Message);
        Assert.Equal("UnreadableScore", metric.Metadata![MetricEvaluation.FailureMetadata]);
    }

    [Fact]
    public async Task In_a_composite_evaluator_every_metric_reports_under_its_own_name_and_any_text_context_serves_as_segments()
    {
        var triad = new CompositeEvaluator(AnswerRelevanceMetric.Default, new ContextRelevanceMetric(), new GroundednessMetric());
        var model = Model(_ => "Criteria: c\nSupporting Evidence: e\nScore: 2");

        var result = await triad.EvaluateAsync(
            [new ChatMessage(ChatRole.User, "Para que serve o pooling?")],
            new ChatResponse(new ChatMessage(ChatRole.Assistant, "O max pooling reduz a resolução pela metade.")),
            model, [new PlainContext("o max pooling reduz a resolução")]);

        Assert.Equal(["Answer relevance", "Context relevance", "Groundedness"], triad.EvaluationMetricNames);
        Assert.All(result.Metrics.Values, metric => Assert.Equal(2.0 / 3, ((NumericMetric)metric).Value!.Value, 9));
        Assert.Equal("P", result.Get<NumericMetric>("Answer relevance").Metadata![MetricEvaluation.LabelMetadata]);
    }

    [Fact]
    public async Task A_metric_that_needs_segments_says_so_when_it_is_given_none()
    {
        var result = await new ContextRelevanceMetric().EvaluateAsync(
            [new ChatMessage(ChatRole.User, "Para que serve o pooling?")], new ChatResponse(new ChatMessage(ChatRole.Assistant, "Reduz.")),
            Model(_ => "Score: 3"));

        var metric = result.Get<NumericMetric>("Context relevance");
        Assert.Null(metric.Value);
        Assert.Contains("needs the retrieved segments", metric.Reason);
    }

    sealed class PlainContext(string text) : EvaluationContext("Retrieved text", text);
}
