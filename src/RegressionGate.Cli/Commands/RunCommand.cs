using System.CommandLine;
using System.Globalization;
using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Gate.Shards;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Reports;
using RegressionGate.Retrieval;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate run</c>: the whole gate over a golden set, a short verdict, and the reports.</summary>
static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var output = CommonOptions.Out("Where the reports go (gate-report.json, .md, .html, one record per question).", "artifacts");
        var shape = new RunOptionSet();
        var noWrite = new Option<bool>("--no-write")
        {
            Description = "Compare and report as usual, but write nothing into the golden directory: no received snapshot, no " +
                          "recording (with --llm record or refresh it refuses). For trying a change, e.g. with --set or --judge, before deciding on it.",
        };
        var json = new Option<bool>("--json") { Description = "Print gate-report.json to standard output instead of the verdict." };
        var batch = new Option<bool>("--batch")
        {
            Description = "With --llm record or refresh: send the model calls through the Azure OpenAI Batch API (one file of requests, " +
                          "half the price, answers within 24 h) and store the results as recordings. Stopped while it waits, the batch " +
                          "runs on, and the same command collects it. Polling: llm.batch of gate.json.",
        };
        var shard = ShardOption.Create();
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Call nothing and write nothing: print how many model calls of each metric and of the answers the run would " +
                          "make in its --llm mode (only requests without a recording, unless refreshing), with estimated tokens.",
        };

        var command = new Command("run",
            "Run the gate: retrieve each golden question's top-k, judge each answer, compare everything with the verified " +
            "snapshots under the tolerances of gate.json, and write the reports. A mismatch writes a .received.json beside " +
            "the verified snapshot; review it, then run 'approve'.\n\n" +
            "Exit codes: 0 passed, 1 gate failed, 2 bad input or usage.\n\n" +
            "Examples:\n" +
            "  regression-gate run\n" +
            "  regression-gate run --golden golden --out artifacts/gate\n" +
            "  regression-gate run --llm record --dry-run   # what recording would cost, before any call\n" +
            "  regression-gate run --llm record          # after changing the judge prompt or model (needs AZURE_OPENAI_*)\n" +
            "  regression-gate run --llm record --batch  # the same through the Batch API; run it again to resume\n" +
            "  regression-gate run --answers generate    # grade answers generated from the current retrieval\n" +
            "  regression-gate run --judge similarity    # offline judge, no LLM\n" +
            "  regression-gate run --json | jq .verdict\n" +
            "  regression-gate run --no-write --set retriever.kind=bm25   # try BM25; the golden set stays as it is\n" +
            "  regression-gate run --shard 2/4 --out parts/2   # one job of a CI matrix; then 'merge'\n\n" +
            "Retrievers (retriever.kind in gate.json):\n" +
            string.Join("\n", RetrieverRegistry.BuiltIn.Providers.Select(p => $"  {p.Kind,-10} {p.Summary}")) + "\n\n" +
            "Metrics (judge.metrics in gate.json):\n" +
            string.Join("\n", MetricRegistry.BuiltIn.Providers.Select(p => $"  {p.Name,-18} {p.Summary}")))
        {
            golden, output, json, noWrite, batch, dryRun, shard,
        };
        foreach (var option in shape.All) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = SettingOverride.ApplyTo(CliGolden.Load(console, parse.GetValue(golden)!), shape.Overrides(parse));
            var outDirectory = OutputDirectory.Check(parse.GetValue(output)!, input.Golden.Directory);
            var options = shape.Options(parse, console) with { NoWrite = parse.GetValue(noWrite), Batch = parse.GetValue(batch) };
            if (parse.GetValue(dryRun))
            {
                var plan = await ProgressDisplay.RunAsync(console, progress =>
                    GateRunner.PlanAsync(input, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
                await console.Out.WriteAsync(plan.Describe()).ConfigureAwait(false);
                return ExitCodes.Passed;
            }
            var slice = ShardOption.Parse(parse.GetValue(shard));
            // merge verifies against gate.json as the golden set holds it, so a shard must have run under it too.
            if (slice is not null && shape.Overrides(parse).Count > 0)
                throw new CliUsageException("--shard and --set do not go together: merge gates the parts under gate.json as it is; change gate.json instead");
            GatePart? part = null;
            var result = await ProgressDisplay.RunAsync(console, async progress =>
            {
                if (slice is not { } s) return await GateRunner.RunAsync(input, options with { Progress = progress }, cancellationToken).ConfigureAwait(false);
                (var sliceResult, part) = await GateShards.RunAsync(input, s, options with { Progress = progress }, cancellationToken).ConfigureAwait(false);
                return sliceResult;
            }).ConfigureAwait(false);
            var written = GateReports.Write(result, outDirectory);
            if (part is not null)
            {
                GatePartFile.Write(part, outDirectory);
                written = [.. written, Path.Combine(outDirectory, GatePart.FileName)];
            }
            if (parse.GetValue(json))
                await console.Out.WriteAsync(await File.ReadAllTextAsync(Path.Combine(outDirectory, GateReports.JsonFile), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            else
                await console.Out.WriteAsync(Verdict(result, written, options.NoWrite)).ConfigureAwait(false);
            return result.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
        });
        return command;
    }

    /// <summary>
    /// The lines a person reads in a terminal or CI log: verdict, aggregates, causes, the questions whose own lines add
    /// something, how to review the received snapshots, and where the reports are.
    /// </summary>
    internal static string Verdict(GateResult result, IReadOnlyList<string> reports, bool noWrite = false)
    {
        var text = new System.Text.StringBuilder(TextReport.Summary(result, reports.Count > 0 ? reports[0] : GateReports.MarkdownFile));
        var hint = ApprovalHint.For(result);
        if (hint.Needed)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{hint.ReceivedSnapshots.Count} received {(hint.ReceivedSnapshots.Count == 1 ? "snapshot" : "snapshots")} written; review them: {hint.ReviewCommand}"));
        if (noWrite) text.AppendLine($"nothing was written into {result.Golden.Directory} (--no-write)");
        if (reports.Count > 0) text.AppendLine($"reports: {string.Join(", ", reports)}");
        return text.ToString();
    }
}
