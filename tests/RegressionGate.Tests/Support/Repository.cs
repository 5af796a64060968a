using System.Reflection;

namespace RegressionGate.Tests.Support;

/// <summary>The repository the tests were built from, for tests about its own files (README, workflow, CI script).</summary>
public static class Repository
{
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
