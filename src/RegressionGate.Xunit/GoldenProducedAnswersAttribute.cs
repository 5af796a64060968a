using System.Reflection;
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
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => GoldenRows.ProducedAnswers();
}
