using RegressionGate.Gate;
using RegressionGate.Environments;

namespace RegressionGate.Reports;

/// <summary>How to accept a run's changes: the commands to type and what approval cannot fix.</summary>
/// <param name="GoldenDirectory">The golden directory as a reviewer would type it: relative to the working directory when under it.</param>
/// <param name="ReceivedSnapshots">The received snapshots the run wrote, relative to the golden directory.</param>
/// <param name="FloorViolations">Aggregates below their floor, which hold even after an approval.</param>
internal sealed record ApprovalHint(string GoldenDirectory, IReadOnlyList<string> ReceivedSnapshots, IReadOnlyList<string> FloorViolations)
{
    public string DryRunCommand => ToolCommand.Current.With($"approve --golden {ToolCommand.Argument(GoldenDirectory)} --dry-run");

    public string Command => ToolCommand.Current.With($"approve --golden {ToolCommand.Argument(GoldenDirectory)}");

    /// <summary>Walks through each received snapshot at a terminal: accept, reject or skip it.</summary>
    public string ReviewCommand => ToolCommand.Current.With($"approve --golden {ToolCommand.Argument(GoldenDirectory)} --review");

    public bool Needed => ReceivedSnapshots.Count > 0;

    public static ApprovalHint For(GateResult result)
    {
        var golden = result.Golden.Directory;
        return new ApprovalHint(
            Display(golden),
            result.ReceivedSnapshots().Select(path => Path.GetRelativePath(golden, path).Replace('\\', '/')).ToList(),
            AggregateRow.From(result).Where(row => row.Status == AggregateStatus.BelowFloor).Select(row => row.Name).ToList());
    }

    /// <summary>
    /// The golden directory as a reviewer would type it: relative to the working directory when under it, else relative
    /// to the repository that holds it (CI and the test runner work elsewhere, people approve from the repository root),
    /// else as it is.
    /// </summary>
    public static string Display(string directory)
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
