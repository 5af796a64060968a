namespace RegressionGate.Tests.Records;

/// <summary>The team's real evaluation record, copied into the test output so tests don't reach outside the repository.</summary>
public static class Seed
{
    public const string FileName = "000_2d96afdaa130e795.txt";

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Records", "seed", FileName);

    public static byte[] Bytes => File.ReadAllBytes(Path);

    public static string Text => File.ReadAllText(Path);
}
