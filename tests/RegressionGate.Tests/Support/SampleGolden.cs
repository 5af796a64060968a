using System.Security.Cryptography;

namespace RegressionGate.Tests.Support;

/// <summary>
/// The tool's own copy of the sample golden set (<c>Fixtures/sample-golden</c>), and throwaway copies of it for tests
/// that change it. Never the repository's <c>golden/</c>: a user who approves a change there must not break these tests.
/// </summary>
public static class SampleGolden
{
    public static string Directory { get; } = Repository.PathOf(Path.Combine("tests", "RegressionGate.Tests", "Fixtures", "sample-golden"));

    /// <summary>Copies the golden set into <paramref name="temp"/> (without received snapshots) and returns the copy's path.</summary>
    public static string CopyTo(TempDirectory temp)
    {
        var target = temp.Combine("golden");
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".received.json", StringComparison.Ordinal)) continue;
            var destination = Path.Combine(target, Path.GetRelativePath(Directory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    /// <summary>SHA-256 of every file under <paramref name="directory"/>, by relative path: to prove nothing changed.</summary>
    public static IReadOnlyDictionary<string, string> Fingerprint(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
