using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;

namespace RegressionGate.Xunit;

/// <summary>The theory rows, read from <c>questions.jsonl</c> when tests are discovered.</summary>
static class GoldenRows
{
    /// <summary>The single row shown when the golden set can't be read, so the run explains why instead of finding nothing.</summary>
    public const string Unreadable = "(golden set unreadable)";

    public static IEnumerable<object[]> Where(Func<GoldenQuestion, bool> include)
    {
        List<string> ids;
        try
        {
            ids = GoldenSetLoader.Load(GoldenLocation.Directory).Questions.Where(include).Select(q => q.Id).ToList();
        }
        catch (Exception e) when (e is InputFileException or InvalidOperationException)
        {
            ids = [Unreadable];
        }
        return ids.Select(id => new object[] { id });
    }

    /// <summary>The single answer row when the answers come from <c>questions.jsonl</c>: nothing is produced, so nothing is snapshotted.</summary>
    public const string GoldenAnswers = "(answers come from questions.jsonl)";

    /// <summary>Each question whose answer the run produces, or the single row <see cref="GoldenAnswers"/> (a theory needs one).</summary>
    public static IEnumerable<object[]> ProducedAnswers() => Rows(arguments: 1, input => input.ProducesAnswers
        ? input.Golden.Questions.Select(q => new object[] { q.Id })
        : [[GoldenAnswers]]);

    /// <summary>(metric, question) for every metric of <c>judge.metrics</c> and every question it grades.</summary>
    public static IEnumerable<object[]> Metrics() => Rows(arguments: 2, input =>
        input.Settings.Judge.Metrics.SelectMany(metric => input.QuestionsGradedBy(metric).Select(q => new object[] { metric.Name, q.Id })));

    /// <summary>The rows of the golden set with its settings, or the single <see cref="Unreadable"/> row of <paramref name="arguments"/> arguments.</summary>
    static IEnumerable<object[]> Rows(int arguments, Func<GateInput, IEnumerable<object[]>> rows)
    {
        try
        {
            return rows(GateInput.Load(GoldenLocation.Directory)).ToList();
        }
        catch (Exception e) when (e is InputFileException or InvalidOperationException)
        {
            return [Enumerable.Repeat<object>(Unreadable, arguments).ToArray()];
        }
    }
}
