namespace RegressionGate.Tests.Snapshots;

/// <summary>A fresh directory per test, deleted afterwards (read-only bits cleared first).</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rg-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (!Directory.Exists(Path)) return;
        foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            entry.Attributes &= ~FileAttributes.ReadOnly;
        Directory.Delete(Path, recursive: true);
    }
}
