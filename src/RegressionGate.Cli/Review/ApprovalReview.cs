using System.Globalization;
using RegressionGate.Gate;
using RegressionGate.Reports;
using RegressionGate.Snapshots;

namespace RegressionGate.Cli;

/// <summary>
/// <c>approve --review</c>: walks a person through each received snapshot at a terminal, the summary (aggregates)
/// first, showing the change in words and, for a ranking, both top-k side by side; each is accepted (approved as
/// <c>approve</c> would), rejected (the received file is deleted, the verified one kept) or skipped (left for later).
/// With <c>--diff</c>, <c>d</c> opens the pair in the user's diff tool.
/// </summary>
sealed class ApprovalReview(CliConsole console, IKeyInput keys, GateInput input, SnapshotApprover approver, SnapshotStore store, bool diff)
{
    /// <summary>The question asked for each snapshot; a test at a terminal waits for this text.</summary>
    public const string Prompt = "accept (a), reject (r), skip (s), quit (q)";

    const string DiffChoice = ", diff (d)";

    public async Task<int> RunAsync(ApprovalOptions filter)
    {
        var entries = approver.Approve(filter with { DryRun = true })
            .OrderBy(e => e.Stage == SnapshotStages.Summary ? 0 : 1) // the aggregates decide how to read the rest
            .ToList();
        if (entries.Count == 0)
        {
            await console.Out.WriteLineAsync("nothing to review: no received snapshots").ConfigureAwait(false);
            return ExitCodes.Passed;
        }

        int accepted = 0, rejected = 0, skipped = 0, refused = 0;
        var quit = false;
        for (var i = 0; i < entries.Count && !quit; i++)
        {
            var entry = entries[i];
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"\n[{i + 1}/{entries.Count}] {entry}")).ConfigureAwait(false);
            if (entry.Action == ApprovalAction.Refused)
            {
                refused++;
                continue;
            }
            await console.Out.WriteAsync(ReceivedSnapshotText.Describe(entry, input.Golden, input.Settings.Tolerances)).ConfigureAwait(false);
            while (true)
            {
                await console.Out.WriteAsync($"{Prompt}{(diff ? DiffChoice : "")}? ").ConfigureAwait(false);
                await console.Out.FlushAsync().ConfigureAwait(false);
                var key = keys.Read();
                await console.Out.WriteLineAsync(key is { } k && !char.IsControl(k) ? k.ToString() : "").ConfigureAwait(false);
                switch (key is { } pressed ? char.ToLowerInvariant(pressed) : 'q')
                {
                    case 'a':
                        var done = approver.ApproveFile(entry.ReceivedPath);
                        await console.Out.WriteLineAsync(done.ToString()).ConfigureAwait(false);
                        if (done.Applied) accepted++;
                        else refused++;
                        break;
                    case 'r':
                        store.Reject(entry.ReceivedPath);
                        await console.Out.WriteLineAsync($"{entry.Stage}/{entry.Name}: rejected: received file deleted, verified file kept").ConfigureAwait(false);
                        rejected++;
                        break;
                    case 's':
                        await console.Out.WriteLineAsync($"{entry.Stage}/{entry.Name}: skipped").ConfigureAwait(false);
                        skipped++;
                        break;
                    case 'q':
                        quit = true;
                        break;
                    case 'd' when diff:
                        await console.Out.WriteLineAsync(await DiffLauncher.OpenAsync(entry).ConfigureAwait(false)).ConfigureAwait(false);
                        continue;
                    default:
                        continue;
                }
                break;
            }
        }
        var left = entries.Count - accepted - rejected - skipped - refused;
        var refusedNote = refused > 0 ? string.Create(CultureInfo.InvariantCulture, $", refused {refused}") : "";
        var leftNote = left > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {left} left for later") : "";
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"\nreviewed {entries.Count - left} of {entries.Count}: accepted {accepted}, rejected {rejected}, skipped {skipped}{refusedNote}{leftNote}")).ConfigureAwait(false);
        return refused > 0 ? ExitCodes.GateFailed : ExitCodes.Passed;
    }
}
