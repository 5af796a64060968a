namespace RegressionGate.Cli;

/// <summary>
/// Checks <c>--out</c> before a command runs, so a directory that can never hold the output stops it before anything
/// is written: not a file, not under a file, and not inside the golden directory, whose files are the gate's input.
/// </summary>
static class OutputDirectory
{
    /// <summary>The full path of <paramref name="given"/>; throws <see cref="CliUsageException"/> when it cannot be the output directory.</summary>
    public static string Check(string given, string goldenDirectory)
    {
        var full = Path.GetFullPath(given);
        if (File.Exists(full)) throw new CliUsageException($"--out '{given}' is a file, not a directory");
        for (var parent = Path.GetDirectoryName(full); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) throw new CliUsageException($"--out '{given}' lies under '{parent}', which is a file");
        }
        var golden = Path.GetFullPath(goldenDirectory);
        var relative = Path.GetRelativePath(golden, full);
        var inside = relative == "." || !(Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (inside)
            throw new CliUsageException($"--out '{given}' is inside the golden directory {golden}; reports are not part of the golden set, so write them elsewhere");
        return full;
    }
}
