using RegressionGate.Answers;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Golden.Tests;

/// <summary>
/// The theory rows, read from <c>golden/</c> when tests are discovered: one per question id of <c>questions.jsonl</c>,
/// and one per configured metric and question it grades (<c>judge.metrics</c> of <c>gate.json</c>).
/// </summary>
public static class GoldenQuestions
{
    /// <summary>Shown as the single row when the golden set can't be read, so the test run explains why instead of finding nothing.</summary>
    public const string Unreadable = "(golden set unreadable)";

    public static TheoryData<string> Ids() => Rows(input => input.Golden.Questions.Select(q => q.Id));

    /// <summary>Shown as the single answer row when the answers are read from <c>questions.jsonl</c>, so nothing is produced.</summary>
    public const string GoldenAnswers = "(answers come from questions.jsonl)";

    /// <summary>
    /// The questions whose answer the run produces (generated or from the endpoint), each snapshotted; with golden answers,
    /// the single row <see cref="GoldenAnswers"/>, a theory needing at least one row.
    /// </summary>
    public static TheoryData<string> ProducedAnswerIds() =>
        Rows(input => input.Settings.Answers.Source.Produced() ? input.Golden.Questions.Select(q => q.Id) : [GoldenAnswers]);

    /// <summary>(metric, question) for every configured metric and every question it grades: all of them, or those with an answer.</summary>
    public static TheoryData<string, string> MetricRows()
    {
        var rows = new TheoryData<string, string>();
        try
        {
            var input = GateInput.Load(GoldenLocation.Directory);
            var produced = input.Settings.Answers.Source.Produced();
            foreach (var metric in input.Settings.Judge.Metrics)
            foreach (var question in input.Golden.Questions)
            {
                if (!metric.Inputs.HasFlag(MetricInputs.Answer) || produced || question.Answer is not null) rows.Add(metric.Name, question.Id);
            }
        }
        catch (InputFileException)
        {
            rows.Add(Unreadable, Unreadable);
        }
        return rows;
    }

    static TheoryData<string> Rows(Func<GateInput, IEnumerable<string>> ids)
    {
        var rows = new TheoryData<string>();
        try
        {
            foreach (var id in ids(GateInput.Load(GoldenLocation.Directory))) rows.Add(id);
        }
        catch (InputFileException)
        {
            rows.Add(Unreadable);
        }
        return rows;
    }
}
