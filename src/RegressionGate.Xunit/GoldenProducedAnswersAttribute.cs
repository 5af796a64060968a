using System.Reflection;
using RegressionGate.Environments;
using Xunit.Sdk;

namespace RegressionGate.Xunit;

/// <summary>
/// One theory row per question whose answer the run produces (<c>answers.source</c> generate or endpoint): the
/// argument of <see cref="GoldenGate.AssertAnswer"/>. With golden answers nothing is produced, and the single row
/// <c>(answers come from questions.jsonl)</c> checks just that.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoldenProducedAnswersAttribute : DataAttribute
{
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => GoldenRows.ProducedAnswers(EnvironmentVariables.Process);

    /// <summary>Set when auto-approval is asked for in CI: the run is refused once (by the Aggregates test), not per row.</summary>
    public override string Skip
    {
        get => GoldenRows.SkipReason(EnvironmentVariables.Process) ?? base.Skip;
        set => base.Skip = value;
    }
}
