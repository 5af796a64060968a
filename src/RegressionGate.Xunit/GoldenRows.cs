using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Snapshots;

namespace RegressionGate.Xunit;

/// <summary>The theory rows, read from <c>questions.jsonl</c> when tests are discovered.</summary>
static class GoldenRows
{
    /// <summary>The single row shown when the golden set can't be read, so the run explains why instead of finding nothing.</summary>
    public const string Unreadable = "(golden set unreadable)";

    /// <summary>
    /// The single row, skipped, when auto-approval is asked for in CI: the whole run is refused, so one failure (the
    /// Aggregates test) says so, not one per question.
    /// </summary>
    public const string Refused = "(auto-approval refused in CI)";

    public static IEnumerable<object[]> Where(Func<GoldenQuestion, bool> include, IEnvironmentVariables environment)
    {
        if (AutoApprovalRefusedException.For(environment) is not null) return [[Refused]];
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
    public static IEnumerable<object[]> ProducedAnswers(IEnvironmentVariables environment) => Rows(arguments: 1, environment, input => input.ProducesAnswers
        ? input.Golden.Questions.Select(q => new object[] { q.Id })
        : [[GoldenAnswers]]);

    /// <summary>(metric, question) for every metric of <c>judge.metrics</c> and every question it grades.</summary>
    public static IEnumerable<object[]> Metrics(IEnvironmentVariables environment) => Rows(arguments: 2, environment, input =>
        input.Settings.Judge.Metrics.SelectMany(metric => input.QuestionsGradedBy(metric).Select(q => new object[] { metric.Name, q.Id })));

    /// <summary>
    /// The rows of the golden set with its settings, or the single <see cref="Refused"/> or <see cref="Unreadable"/> row
    /// of <paramref name="arguments"/> arguments.
    /// </summary>
    static IEnumerable<object[]> Rows(int arguments, IEnvironmentVariables environment, Func<GateInput, IEnumerable<object[]>> rows)
    {
        if (AutoApprovalRefusedException.For(environment) is not null) return [Enumerable.Repeat<object>(Refused, arguments).ToArray()];
        try
        {
            return rows(GateInput.Load(GoldenLocation.Directory)).ToList();
        }
        catch (Exception e) when (e is InputFileException or InvalidOperationException)
        {
            return [Enumerable.Repeat<object>(Unreadable, arguments).ToArray()];
        }
    }

    /// <summary>Why every row is skipped, or null when the rows run.</summary>
    public static string? SkipReason(IEnvironmentVariables environment) =>
        AutoApprovalRefusedException.For(environment) is { } refused ? $"not run: {refused.Message} The Aggregates test fails, saying so once." : null;
}
