using RegressionGate.Environments;
using RegressionGate.Files;
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

    /// <summary>Why every row is skipped, or null when the rows run.</summary>
    public static string? SkipReason(IEnvironmentVariables environment) =>
        AutoApprovalRefusedException.For(environment) is { } refused ? $"not run: {refused.Message} The Aggregates test fails, saying so once." : null;
}
