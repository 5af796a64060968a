using System.Reflection;
using RegressionGate.Environments;
using Xunit.Sdk;

namespace RegressionGate.Xunit;

/// <summary>
/// One theory row per metric of <c>judge.metrics</c> and question it grades: the arguments (metric, question id) of
/// <see cref="GoldenGate.AssertMetric"/>, shown as <c>Judgment(metric: "groundedness", questionId: "105")</c>. A metric
/// that reads the answer grades the questions that have one, unless the run produces the answers.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoldenMetricsAttribute : DataAttribute
{
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => GoldenRows.Metrics(EnvironmentVariables.Process);

    /// <summary>Set when auto-approval is asked for in CI: the run is refused once (by the Aggregates test), not per row.</summary>
    public override string Skip
    {
        get => GoldenRows.SkipReason(EnvironmentVariables.Process) ?? base.Skip;
        set => base.Skip = value;
    }
}
