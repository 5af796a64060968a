using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Tests.Triad;

/// <summary>The triad with no LLM at all: the similarity judge stands in for each rubric, and says so.</summary>
public sealed class OfflineTriadTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static GateRunOptions Offline => new() { Environment = EnvironmentVariables.From(new Dictionary<string, string>()), Warning = _ => { } };

    [Fact]
    public async Task The_similarity_judge_grades_every_metric_by_cosine_with_no_model_and_says_what_it_compared()
    {
        var input = GateInput.Load(TriadGolden.Write(temp, judge: SimilarityJudge.Kind));

        var evaluation = await GateRunner.EvaluateAsync(input, Offline);

        Assert.Equal("none", evaluation.LlmMode);
        var metrics = evaluation.Metrics["105"];
        Assert.IsType<Judgment>(metrics.Single(m => m.Metric.Name == AnswerRelevanceMetric.MetricName).Outcome);
        var context = Assert.IsType<MetricJudgment>(metrics.Single(m => m.Metric.Name == ContextRelevanceMetric.MetricName).Outcome);
        Assert.Equal(evaluation.Rankings["105"].Select(r => r.Id), context.Parts.Select(p => p.Unit.Id));
        Assert.All(context.Parts, p => Assert.StartsWith("Similarity judge (not an LLM): cosine(question, segment) = ", p.Reasoning));
        var grounded = Assert.IsType<MetricJudgment>(metrics.Single(m => m.Metric.Name == GroundednessMetric.MetricName).Outcome);
        Assert.Equal(2, grounded.Parts.Count);
        Assert.All(grounded.Parts, p => Assert.StartsWith("Similarity judge (not an LLM): highest cosine(statement, segment) = ", p.Reasoning));
        Assert.Equal(GroundednessMetric.MetricName, metrics.Single(m => m.Metric.Name == GroundednessMetric.MetricName).Judge["metric"]);
        // Answer relevance keeps the identity it had before there were other metrics.
        Assert.Null(evaluation.Judge!["metric"]);
    }

    [Fact]
    public async Task An_extensions_judge_of_whole_answers_cannot_grade_segments_or_statements_and_says_which_judge_can()
    {
        var length = new JudgeProvider("length", "longer answers score higher", context => new JudgeSession(new AnswerRelevanceJudge(
            new Judging.ScriptedChatClient((_, _) => "Score: 3"), "scripted", 1, context.Input.Settings.Labels)));
        var input = GateInput.Load(TriadGolden.Write(temp, judge: "length"), judges: JudgeRegistry.BuiltIn.With(length));

        var error = await Assert.ThrowsAsync<InputFileException>(() => GateRunner.EvaluateAsync(input, Offline));

        Assert.Equal("judge.metrics", error.Field);
        Assert.Contains("cannot grade context-relevance; use judge.kind answer-relevance or similarity for it", error.Message);
    }
}
