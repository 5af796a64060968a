using System.Reflection;
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
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => GoldenRows.Metrics();
}
