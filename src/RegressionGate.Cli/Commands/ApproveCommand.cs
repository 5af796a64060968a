using System.CommandLine;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Snapshots;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate approve</c>: accept received snapshots as the new verified baseline.</summary>
static class ApproveCommand
{
    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be approved and change nothing." };
        var stage = new Option<string?>("--stage") { Description = $"Only this stage: {string.Join(", ", SnapshotStages.All)}.", HelpName = "STAGE" };
        stage.AcceptOnlyFromAmong(SnapshotStages.All.ToArray());
        var question = new Option<string?>("--question") { Description = "Only this question id (or 'gate' for the summary).", HelpName = "ID" };
        var review = new Option<bool>("--review")
        {
            Description = "At a terminal, walk through each received snapshot (the summary first): see the change in words and " +
                          "both rankings side by side, then accept (a), reject (r: delete the received file), skip (s) or quit (q). " +
                          "Never in CI.",
        };
        var diff = new Option<bool>("--diff")
        {
            Description = "Open the user's diff tool (through DiffEngine: Meld, VS Code, Beyond Compare…) on each received/verified " +
                          "pair; with --review, on the current one when d is pressed. Disabled when CI is set.",
        };

        var command = new Command("approve",
            "Accept the received snapshots a failed run wrote (*.received.json) as the new verified ones, after reviewing " +
            "what changed. Each file is validated, then renamed over its verified twin in one atomic step; a file that " +
            "cannot be replaced is reported and both files are left as they were. Floors in gate.json still hold afterwards.\n\n" +
            "Examples:\n" +
            "  regression-gate approve --dry-run\n" +
            "  regression-gate approve --golden golden\n" +
            "  regression-gate approve --stage retrieval --question 105\n" +
            "  regression-gate approve --review            # one change at a time, at a terminal\n" +
            "  regression-gate approve --review --diff     # and d opens the pair in a diff tool")
        {
            golden, dryRun, stage, question, review, diff,
        };
        command.SetAction(async (parse, _) =>
        {
            var directory = parse.GetValue(golden)!;
            var (reviewing, diffing) = (parse.GetValue(review), parse.GetValue(diff));
            if (InteractiveRefusal(console, reviewing, diffing, parse.GetValue(dryRun)) is { } refusal)
            {
                await console.Error.WriteLineAsync($"error: {refusal}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            var input = CliGolden.Load(console, directory);
            var only = parse.GetValue(question);
            if (only is not null && only != SnapshotStages.SummaryName && input.Golden.Questions.All(q => q.Id != only))
            {
                await console.Error.WriteLineAsync(
                    $"error: --question '{only}': no such question in {Path.Combine(directory, GoldenSet.QuestionsFile)} (the summary is '{SnapshotStages.SummaryName}')").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            // The input's store knows the stages of every registered metric, an extension's too.
            var store = input.SnapshotStore();
            var approver = new SnapshotApprover(store, input.Settings.Tolerances, input.Golden.Questions.Select(q => q.Id))
            {
                ConfiguredMetrics = input.Settings.Judge.Metrics.Select(m => m.Name).ToList(),
            };
            var filter = new ApprovalOptions
            {
                DryRun = parse.GetValue(dryRun),
                Stage = parse.GetValue(stage),
                Name = only,
            };
            if (reviewing) return await new ApprovalReview(console, console.Keys!, input, approver, store, diffing).RunAsync(filter).ConfigureAwait(false);
            if (diffing)
            {
                var pairs = approver.Approve(filter with { DryRun = true });
                foreach (var pair in pairs) await console.Out.WriteLineAsync(await DiffLauncher.OpenAsync(pair).ConfigureAwait(false)).ConfigureAwait(false);
                if (pairs.Count == 0) await console.Out.WriteLineAsync("nothing to diff: no received snapshots").ConfigureAwait(false);
                return ExitCodes.Passed;
            }
            var entries = approver.Approve(filter);
            foreach (var entry in entries) await console.Out.WriteLineAsync(entry.ToString()).ConfigureAwait(false);
            var refused = entries.Count(e => e.Action == ApprovalAction.Refused);
            var verb = parse.GetValue(dryRun) ? "would approve" : "approved";
            await console.Out.WriteLineAsync(entries.Count == 0
                ? "nothing to approve: no received snapshots"
                : $"{verb} {entries.Count - refused} snapshot(s){(refused > 0 ? $", refused {refused}" : "")}").ConfigureAwait(false);
            return refused > 0 ? ExitCodes.GateFailed : ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>
    /// Why <c>--review</c> or <c>--diff</c> cannot run here, or null: both are for a person at their own terminal, so CI
    /// refuses them (a gate that waits for a key press would hang the build) and <c>--review</c> needs keys to read.
    /// </summary>
    static string? InteractiveRefusal(CliConsole console, bool review, bool diff, bool dryRun)
    {
        if (review && dryRun) return "--review asks before changing each snapshot; it does not combine with --dry-run";
        if (review && !string.IsNullOrWhiteSpace(console.Environment.Get(AutoApproval.CiVariable)))
            return "--review is interactive, and CI is set: review locally, or approve with `regression-gate approve` after reading `approve --dry-run`";
        if (diff && DiffLauncher.Unavailable(console) is { } why) return why;
        if (review && console.Keys is null)
            return "--review needs a terminal to read keys from, and standard input is redirected; use --dry-run to list the changes instead";
        return null;
    }
}
