namespace RegressionGate.Files;

/// <summary>Paths as a person would type them in a command the tool suggests.</summary>
internal static class TypedPath
{
    /// <summary>
    /// <paramref name="directory"/> relative to the working directory when under it, else relative to the repository that
    /// holds it (CI and the test runner work elsewhere, people approve from the repository root), else as it is.
    /// </summary>
    public static string Of(string directory)
    {
        if (Under(Environment.CurrentDirectory, directory) is { } fromHere) return fromHere;
        for (var root = Path.GetDirectoryName(directory); root is not null; root = Path.GetDirectoryName(root))
        {
            if (Path.Exists(Path.Combine(root, ".git"))) return Under(root, directory) ?? directory;
        }
        return directory;
    }

    static string? Under(string root, string directory)
    {
        var relative = Path.GetRelativePath(root, directory);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace('\\', '/');
    }
}
