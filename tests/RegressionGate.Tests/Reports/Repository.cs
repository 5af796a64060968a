using System.Reflection;

namespace RegressionGate.Tests.Reports;

/// <summary>Where the repository and its sample golden set are, as the build recorded them (tests/GoldenDirectory.targets).</summary>
internal static class Repository
{
    public static string Root => Metadata("RepositoryRoot");

    public static string GoldenDirectory => Metadata("GoldenDirectory");

    static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"the test assembly has no '{key}' metadata; build it with tests/GoldenDirectory.targets");
}
