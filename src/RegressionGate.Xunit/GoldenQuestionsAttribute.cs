using System.Reflection;
using Xunit.Sdk;

namespace RegressionGate.Xunit;

/// <summary>One theory row per golden question: its id, the argument of <see cref="GoldenGate.AssertRetrieval"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoldenQuestionsAttribute : DataAttribute
{
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => GoldenRows.Where(_ => true);
}
