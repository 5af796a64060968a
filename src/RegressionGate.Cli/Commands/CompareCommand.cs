using System.CommandLine;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Reports;

namespace RegressionGate.Cli.Commands;

/// <summary>
/// <c>regression-gate compare</c>: the golden set under its own <c>gate.json</c> (A) and under another configuration (B),
/// side by side, so a team can choose a change before approving it. Writes nothing into the golden directory.
/// </summary>
static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var shape = new RunOptionSet();
        shape.Set.Description = "Configuration B is gate.json (or --config) with this setting changed, e.g. --set retriever.kind=bm25 (repeatable).";
        var config = new Option<string?>("--config")
        {
            Description = "Configuration B is this whole other gate.json (with any --set on top) instead of the golden set's own.",
            HelpName = "FILE",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = $"Also write the comparison, every differing question listed, to DIR/{ConfigurationComparison.MarkdownFile}.",
            HelpName = "DIR",
        };

        var command = new Command("compare",
            "Run the gate twice on the same golden set, as configuration A (its gate.json) and B (gate.json with --set " +
            "changes, or --config another file), and show them side by side: every aggregate with its 95% interval, each " +
            "configuration's verdict against the verified snapshots with its causes, and the questions whose outcome " +
            "differs (recall, first relevant rank, automated label, gate verdict). Nothing is written into the golden " +
            "directory: no snapshot and no recording (--llm record or refresh are refused).\n\n" +
            "Exit codes: 0 compared, 2 bad input or usage.\n\n" +
            "Examples:\n" +
            "  regression-gate compare --set retriever.kind=bm25\n" +
            "  regression-gate compare --set retriever.kind=hybrid --set retriever.fusion.denseWeight=0.3\n" +
            "  regression-gate compare --config experiments/e5-large.json --out artifacts/compare")
        {
            golden, config, output,
        };
        foreach (var option in shape.All) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = shape.Overrides(parse);
            var other = parse.GetValue(config);
            if (overrides.Count == 0 && other is null)
            {
                await console.Error.WriteLineAsync("error: compare needs configuration B: give --set PATH=VALUE (repeatable) or --config FILE").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            var a = CliGolden.Load(console, parse.GetValue(golden)!);
            var b = SettingOverride.ApplyTo(a, overrides, other);
            var outDirectory = parse.GetValue(output) is { } given ? OutputDirectory.Check(given, a.Golden.Directory) : null;
            var options = shape.Options(parse, console) with { NoWrite = true };
            var resultA = await ProgressDisplay.RunAsync(console, progress => GateRunner.RunAsync(a, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
            var resultB = await ProgressDisplay.RunAsync(console, progress => GateRunner.RunAsync(b, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);

            var nameA = Path.Combine(parse.GetValue(golden)!, Golden.GoldenSet.SettingsFile);
            var nameB = (other ?? nameA) + (overrides.Count > 0 ? $" with --set {string.Join(" --set ", overrides)}" : "");
            var comparison = new ConfigurationComparison(nameA, resultA, nameB, resultB);
            string? markdown = null;
            if (outDirectory is not null)
            {
                Directory.CreateDirectory(outDirectory);
                markdown = Path.Combine(outDirectory, ConfigurationComparison.MarkdownFile);
                AtomicFile.WriteAllText(markdown, comparison.Markdown());
            }
            await console.Out.WriteAsync(comparison.Text(markdown)).ConfigureAwait(false);
            if (markdown is not null) await console.Out.WriteLineAsync($"report: {markdown}").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }
}
