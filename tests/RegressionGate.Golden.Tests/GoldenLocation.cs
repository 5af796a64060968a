using System.Reflection;

namespace RegressionGate.Golden.Tests;

/// <summary>Where the golden set and the gate's reports are: found through the build, overridable by environment.</summary>
static class GoldenLocation
{
    /// <summary><c>REGRESSIONGATE_GOLDEN</c>, else the repository's <c>golden/</c> as MSBuild saw it.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("REGRESSIONGATE_GOLDEN") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Metadata("GoldenDirectory");

    /// <summary><c>REGRESSIONGATE_OUT</c>, else <c>artifacts/gate</c> in the repository, where CI picks the report up.</summary>
    public static string ReportDirectory =>
        Environment.GetEnvironmentVariable("REGRESSIONGATE_OUT") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(Metadata("RepositoryRoot"), "artifacts", "gate");

    static string Metadata(string key) =>
        typeof(GoldenLocation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"the test assembly has no '{key}' metadata; build it with tests/GoldenDirectory.targets");
}
