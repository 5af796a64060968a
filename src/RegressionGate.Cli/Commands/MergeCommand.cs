using System.CommandLine;
using RegressionGate.Gate;
using RegressionGate.Gate.Shards;
using RegressionGate.Reports;

namespace RegressionGate.Cli.Commands;

/// <summary>
/// <c>regression-gate merge</c>: the shards' parts joined into the verdict an unsharded <c>run</c> gives, with the same
/// reports and exit code.
/// </summary>
static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var parts = new Argument<string[]>("PART")
        {
            Description = $"Each shard's --out directory (or its {GatePart.FileName}), every shard exactly once.",
            Arity = ArgumentArity.OneOrMore,
        };
        var golden = CommonOptions.Golden(console);
        var output = CommonOptions.Out("Where the merged reports go (gate-report.json, .md, .html, one record per question).", "artifacts");
        var json = new Option<bool>("--json") { Description = "Print gate-report.json to standard output instead of the verdict." };
        var command = new Command("merge",
            "Join the parts written by 'run --shard I/N' into the full result: per-question verdicts, aggregates with their " +
            "bootstrap intervals, agreement and the summary snapshot's verification are recomputed from the shards' raw " +
            "results over every question, exactly as an unsharded run computes them. Refuses parts from different golden " +
            "sets, configurations or shard counts, and a shard missing or given twice.\n\n" +
            "Exit codes: 0 passed, 1 gate failed, 2 bad input or usage.\n\n" +
            "Examples:\n" +
            "  regression-gate merge parts/1 parts/2 parts/3 --golden golden --out artifacts/gate\n" +
            "  regression-gate merge parts/* --json | jq .failing")
        {
            parts, golden, output, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = CliGolden.Load(console, parse.GetValue(golden)!);
            var outDirectory = OutputDirectory.Check(parse.GetValue(output)!, input.Golden.Directory);
            var read = parse.GetValue(parts)!.Select(given => PartFile(given)).Select(file => (file, GatePartFile.Read(file, file, input.Golden))).ToList();
            var result = GateShards.Merge(input, read, new GateRunOptions { Environment = console.Environment, Warning = console.Warn });
            var written = GateReports.Write(result, outDirectory);
            if (parse.GetValue(json))
                await console.Out.WriteAsync(await File.ReadAllTextAsync(Path.Combine(outDirectory, GateReports.JsonFile), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            else
                await console.Out.WriteAsync(RunCommand.Verdict(result, written)).ConfigureAwait(false);
            return result.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
        });
        return command;
    }

    /// <summary>The part file a PART argument names: the file itself, or the part file in a shard's output directory.</summary>
    static string PartFile(string given)
    {
        if (File.Exists(given)) return given;
        var inside = Path.Combine(given, GatePart.FileName);
        if (File.Exists(inside)) return inside;
        throw new CliUsageException(Directory.Exists(given)
            ? $"'{given}' holds no {GatePart.FileName}: is it a shard's --out directory (run --shard I/N --out DIR)?"
            : $"'{given}' does not exist");
    }
}
