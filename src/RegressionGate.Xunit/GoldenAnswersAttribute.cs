using System.Reflection;
using RegressionGate.Environments;
using Xunit.Sdk;

namespace RegressionGate.Xunit;

/// <summary>One theory row per golden question that has an answer to judge: the argument of <see cref="GoldenGate.AssertJudgment"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoldenAnswersAttribute : DataAttribute
{
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => GoldenRows.Where(question => question.Answer is not null, EnvironmentVariables.Process);

    /// <summary>Set when auto-approval is asked for in CI: the run is refused once (by the Aggregates test), not per row.</summary>
    public override string Skip
    {
        get => GoldenRows.SkipReason(EnvironmentVariables.Process) ?? base.Skip;
        set => base.Skip = value;
    }
}
