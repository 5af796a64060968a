using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Llm;
using RegressionGate.Reports;
using Xunit;

namespace RegressionGate.Xunit;

/// <summary>
/// The gate as an xUnit class fixture: runs once for all theory rows of a test class, writes the reports to
/// <see cref="GoldenLocation.ReportDirectory"/>, then answers each row. A golden set that cannot be loaded, or a judge
/// that cannot be configured, becomes the failure every row reports, so the test run explains itself.
/// </summary>
/// <example>
/// <code>
/// public sealed class GateTheories(GoldenGate gate) : IClassFixture&lt;GoldenGate&gt;
/// {
///     [Theory, GoldenQuestions]
///     public void Retrieval(string questionId) => gate.AssertRetrieval(questionId);
///
///     [Theory, GoldenAnswers]
///     public void Judgment(string questionId) => gate.AssertJudgment(questionId);
///
///     [Fact]
///     public void Aggregates() => gate.AssertAggregates();
/// }
/// </code>
/// With more metrics than answer relevance (<c>judge.metrics</c>), one row per metric and question, and one per produced answer:
/// <code>
///     [Theory, GoldenMetrics]
///     public void Judgment(string metric, string questionId) => gate.AssertMetric(metric, questionId);
///
///     [Theory, GoldenProducedAnswers]
///     public void Answer(string questionId) => gate.AssertAnswer(questionId);
/// </code>
/// </example>
/// <remarks>
/// With retriever kinds of your own, derive from it and override <see cref="Load"/> to pass your registry to
/// <see cref="GateInput.Load"/>; use the derived class as the fixture. <see cref="ReportDirectory"/> can be moved the same way.
/// </remarks>
public class GoldenGate : IAsyncLifetime
{
    GateResult? result;
    Exception? failure;

    /// <summary>The whole run: every question's verdicts, the aggregates, the identities.</summary>
    /// <exception cref="InvalidOperationException">The gate could not run; the message says why.</exception>
    public GateResult Result => result ?? throw new InvalidOperationException($"the gate did not run: {failure?.Message}", failure);

    /// <summary>Loads the golden set, runs the gate and writes its reports.</summary>
    public async Task InitializeAsync()
    {
        try
        {
            result = await GateRunner.RunAsync(Load(), new GateRunOptions { Environment = Environment }).ConfigureAwait(false);
            GateReports.Write(result, ReportDirectory);
        }
        catch (Exception e) when (e is InputFileException or LlmConfigurationException or InvalidOperationException or IOException)
        {
            failure = e;
        }
    }

    /// <summary>
    /// The golden set at <see cref="GoldenLocation.Directory"/> with its settings, and the retriever kinds they may name
    /// (the built-in ones).
    /// </summary>
    protected virtual GateInput Load() => GateInput.Load(GoldenLocation.Directory);

    /// <summary>Where the reports go: <see cref="GoldenLocation.ReportDirectory"/>.</summary>
    protected virtual string ReportDirectory => GoldenLocation.ReportDirectory;

    /// <summary>Where the run reads CI detection, auto-approval and the LLM configuration: the process environment.</summary>
    protected virtual IEnvironmentVariables Environment => EnvironmentVariables.Process;

    /// <summary>Nothing to release: the run holds no resources once it has finished.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Fails, with its causes and every reason in words and the verified and current top-k side by side, when the
    /// question's top-k moved beyond the tolerances.
    /// </summary>
    /// <param name="questionId">A row of <see cref="GoldenQuestionsAttribute"/>.</param>
    public void AssertRetrieval(string questionId)
    {
        var question = Question(questionId);
        if (!question.Retrieval.Passed) Assert.Fail(TextReport.Question(Result, question, QuestionCheck.Retrieval));
    }

    /// <summary>Fails, quoting both reasonings, when the question's judgment moved beyond the tolerances or its label flipped.</summary>
    /// <param name="questionId">A row of <see cref="GoldenAnswersAttribute"/>.</param>
    public void AssertJudgment(string questionId)
    {
        var question = Question(questionId);
        if (question.Judgment is null) Assert.Fail($"question {questionId} has no answer to judge");
        else if (!question.Judgment.Passed) Assert.Fail(TextReport.Question(Result, question, QuestionCheck.Judgment));
    }

    /// <summary>
    /// Fails, saying what moved in words (which segments or statements, quoting reasonings), when the question's grade on
    /// <paramref name="metric"/> moved beyond the metric's tolerance, or its judge failed.
    /// </summary>
    /// <param name="metric">A metric of <c>judge.metrics</c>; a row of <see cref="GoldenMetricsAttribute"/>.</param>
    /// <param name="questionId">A question it grades.</param>
    public void AssertMetric(string metric, string questionId)
    {
        var question = Question(questionId);
        var check = question.Metric(metric);
        if (check is null) Assert.Fail($"metric '{metric}' is not in judge.metrics");
        else if (check.Verdict is null) Assert.Fail($"question {questionId}: {metric} had nothing to grade (no answer, or no segments)");
        else if (!check.Verdict.Passed) Assert.Fail(Message(question, check.Verdict));
    }

    /// <summary>
    /// Fails when the question's produced answer changed against its snapshot, or could not be produced (no recording,
    /// a failed call); with golden answers, the single row <c>(answers come from questions.jsonl)</c> fails only if an
    /// answer was produced after all.
    /// </summary>
    /// <param name="questionId">A row of <see cref="GoldenProducedAnswersAttribute"/>.</param>
    public void AssertAnswer(string questionId)
    {
        if (questionId == GoldenRows.GoldenAnswers)
        {
            if (result is null) Assert.Fail($"the gate did not run: {failure?.Message}");
            if (result.Questions.FirstOrDefault(q => q.AnswerCheck is not null) is { } produced)
                Assert.Fail($"question {produced.Question.Id}: an answer was produced although answers.source is golden");
            return;
        }
        var question = Question(questionId);
        if (question.AnswerCheck is null) Assert.Fail($"question {questionId}: no answer was produced");
        else if (!question.AnswerCheck.Passed) Assert.Fail(Message(question, question.AnswerCheck));
    }

    /// <summary>
    /// Fails when recall, MRR, nDCG, accuracy, kappa or a metric's mean moved beyond their tolerance or fell below a
    /// floor, with the whole review in the first screen: the verdict, the aggregates against their baseline, the causes
    /// with the questions they affect, then those questions.
    /// </summary>
    public void AssertAggregates()
    {
        // The one failure a run that could not start reports when its rows are skipped (auto-approval asked for in CI).
        if (result is null) Assert.Fail($"the gate did not run: {failure?.Message}");
        if (!result.SummaryVerdict.Passed) Assert.Fail(TextReport.Summary(result));
    }

    QuestionResult Question(string questionId)
    {
        if (result is null) Assert.Fail($"the gate did not run: {failure?.Message}");
        return result.For(questionId);
    }

    /// <summary>A metric's or an answer's failure: the question, then every reason (the retrieval and judgment rows say more, through <see cref="TextReport"/>).</summary>
    static string Message(QuestionResult question, Verdict verdict) =>
        $"question {question.Question.Id} «{question.Question.Text}»\n{verdict}";
}
