namespace RegressionGate.Xunit;

/// <summary>
/// Where the golden set and the gate's reports are for this test run: the environment first, then what the build
/// decided (<c>RegressionGateGoldenDirectory</c> and <c>RegressionGateReportDirectory</c>, see the package's
/// <c>buildTransitive/RegressionGate.Xunit.targets</c>).
/// </summary>
public static class GoldenLocation
{
    /// <summary>The environment variable that points the theories at another golden directory.</summary>
    public const string GoldenVariable = "REGRESSIONGATE_GOLDEN";

    /// <summary>The environment variable that moves the reports the theories write.</summary>
    public const string ReportVariable = "REGRESSIONGATE_OUT";

    const string GoldenSwitch = "RegressionGate.GoldenDirectory";
    const string ReportSwitch = "RegressionGate.ReportDirectory";

    /// <summary><c>REGRESSIONGATE_GOLDEN</c>, else the golden directory the build found or was given.</summary>
    /// <exception cref="InvalidOperationException">Neither says where the golden set is.</exception>
    public static string Directory => Resolve(GoldenVariable, GoldenSwitch) ?? throw new InvalidOperationException(
        "no golden directory: the build found no golden/questions.jsonl above the test project; set the MSBuild property " +
        $"RegressionGateGoldenDirectory in the test project, or the environment variable {GoldenVariable}");

    /// <summary><c>REGRESSIONGATE_OUT</c>, else <c>artifacts/gate</c> beside the golden directory (or where the build was told).</summary>
    public static string ReportDirectory => Resolve(ReportVariable, ReportSwitch)
        ?? Path.GetFullPath(Path.Combine(Directory, "..", "artifacts", "gate"));

    static string? Resolve(string variable, string appContextSwitch) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } overridden ? Path.GetFullPath(overridden)
        : AppContext.GetData(appContextSwitch) is string { Length: > 0 } built ? built
        : null;
}
