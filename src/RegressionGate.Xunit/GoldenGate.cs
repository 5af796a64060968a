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

    /// <summary>Fails, with every reason in words, when the question's top-k moved beyond the tolerances.</summary>
    /// <param name="questionId">A row of <see cref="GoldenQuestionsAttribute"/>.</param>
    public void AssertRetrieval(string questionId)
    {
        var question = Question(questionId);
        if (!question.Retrieval.Passed) Assert.Fail(Message(question, question.Retrieval));
    }

    /// <summary>Fails, quoting both reasonings, when the question's judgment moved beyond the tolerances or its label flipped.</summary>
    /// <param name="questionId">A row of <see cref="GoldenAnswersAttribute"/>.</param>
    public void AssertJudgment(string questionId)
    {
        var question = Question(questionId);
        if (question.Judgment is null) Assert.Fail($"question {questionId} has no answer to judge");
        else if (!question.Judgment.Passed) Assert.Fail(Message(question, question.Judgment));
    }

    /// <summary>Fails when recall, MRR, nDCG, accuracy or kappa dropped beyond their tolerance or below a floor.</summary>
    public void AssertAggregates()
    {
        // The one failure a run that could not start reports when its rows are skipped (auto-approval asked for in CI).
        if (result is null) Assert.Fail($"the gate did not run: {failure?.Message}");
        if (!result.SummaryVerdict.Passed) Assert.Fail(result.SummaryVerdict.ToString());
    }

    QuestionResult Question(string questionId)
    {
        if (result is null) Assert.Fail($"the gate did not run: {failure?.Message}");
        return result.For(questionId);
    }

    static string Message(QuestionResult question, Verdict verdict) =>
        $"question {question.Question.Id} «{question.Question.Text}»\n{verdict}";
}
