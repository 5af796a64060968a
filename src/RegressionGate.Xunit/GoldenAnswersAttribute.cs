using System.Reflection;
using Xunit.Sdk;

namespace RegressionGate.Xunit;

/// <summary>One theory row per golden question that has an answer to judge: the argument of <see cref="GoldenGate.AssertJudgment"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoldenAnswersAttribute : DataAttribute
{
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => GoldenRows.Where(question => question.Answer is not null);
}
