using DiffEngine;
using RegressionGate.Snapshots;

namespace RegressionGate.Cli;

/// <summary>
/// Opens the user's diff tool on a received snapshot and its verified twin through DiffEngine, which finds the tools a
/// machine has (Meld, VS Code, Beyond Compare, Rider…; <c>DiffEngine_ToolOrder</c> chooses). Local only: where
/// <c>CI</c> is set no diff tool is ever started, and commands refuse <c>--diff</c> before doing anything.
/// </summary>
static class DiffLauncher
{
    /// <summary>Why <c>--diff</c> cannot be used here, or null when it can.</summary>
    public static string? Unavailable(CliConsole console) =>
        string.IsNullOrWhiteSpace(console.Environment.Get(AutoApproval.CiVariable))
            ? null
            : "--diff opens a diff tool, and CI is set: diff tools are for a person at their own machine, never for CI";

    /// <summary>
    /// Opens the tool on <paramref name="entry"/>'s received file (left) and verified file (right); a snapshot with no
    /// verified file yet is compared with an empty file in the temp folder, so nothing is created in the golden set.
    /// Returns what happened, in one line.
    /// </summary>
    public static async Task<string> OpenAsync(ApprovalEntry entry)
    {
        var target = entry.VerifiedPath;
        if (!File.Exists(target))
        {
            var folder = Path.Combine(Path.GetTempPath(), "regression-gate-diff", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            target = Path.Combine(folder, Path.GetFileName(entry.VerifiedPath));
            await File.WriteAllTextAsync(target, "").ConfigureAwait(false);
        }
        var result = await DiffRunner.LaunchAsync(entry.ReceivedPath, target).ConfigureAwait(false);
        var pair = $"{entry.Stage}/{entry.Name}";
        return result switch
        {
            LaunchResult.StartedNewInstance => $"{pair}: opened in a diff tool (received left, verified right)",
            LaunchResult.AlreadyRunningAndSupportsRefresh => $"{pair}: already open in a diff tool, refreshed",
            LaunchResult.NoDiffToolFound => $"{pair}: no diff tool found; install one DiffEngine knows (Meld, VS Code, Beyond Compare…) or name it in DiffEngine_ToolOrder",
            LaunchResult.TooManyRunningDiffTools => $"{pair}: too many diff tools are open already; close some",
            LaunchResult.Disabled => $"{pair}: diff tools are disabled here (DiffEngine_Disabled, or a build server was detected)",
            _ => $"{pair}: the diff tool could not be opened ({result})",
        };
    }
}
