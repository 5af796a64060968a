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

        var command = new Command("approve",
            "Accept the received snapshots a failed run wrote (*.received.json) as the new verified ones, after reviewing " +
            "what changed. Each file is validated, then renamed over its verified twin in one atomic step; a file that " +
            "cannot be replaced is reported and both files are left as they were. Floors in gate.json still hold afterwards.\n\n" +
            "Examples:\n" +
            "  regression-gate approve --dry-run\n" +
            "  regression-gate approve --golden golden\n" +
            "  regression-gate approve --stage retrieval --question 105")
        {
            golden, dryRun, stage, question,
        };
        command.SetAction(async (parse, _) =>
        {
            var directory = parse.GetValue(golden)!;
            var input = CliGolden.Load(console, directory);
            var only = parse.GetValue(question);
            if (only is not null && only != SnapshotStages.SummaryName && input.Golden.Questions.All(q => q.Id != only))
            {
                await console.Error.WriteLineAsync(
                    $"error: --question '{only}': no such question in {Path.Combine(directory, GoldenSet.QuestionsFile)} (the summary is '{SnapshotStages.SummaryName}')").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            // The input's store knows the stages of every registered metric, an extension's too.
            var approver = new SnapshotApprover(input.SnapshotStore(), input.Settings.Tolerances, input.Golden.Questions.Select(q => q.Id));
            var entries = approver.Approve(new ApprovalOptions
            {
                DryRun = parse.GetValue(dryRun),
                Stage = parse.GetValue(stage),
                Name = only,
            });
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
}
