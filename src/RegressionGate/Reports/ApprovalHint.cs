using RegressionGate.Files;
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
            TypedPath.Of(golden),
            result.ReceivedSnapshots().Select(path => Path.GetRelativePath(golden, path).Replace('\\', '/')).ToList(),
            AggregateRow.From(result).Where(row => row.Status == AggregateStatus.BelowFloor).Select(row => row.Name).ToList());
    }
}
