using System.CommandLine;
using System.Globalization;
using RegressionGate.Gate;
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
        var llm = new Option<string?>("--llm")
        {
            Description = "How the judge reaches the LLM: replay (recordings only; the default, and what CI uses), record (call on a " +
                          "missing recording and save it), refresh (call for every answer, overwrite), live (call, save nothing). " +
                          "Default: llm.mode of gate.json.",
            HelpName = "MODE",
        };
        llm.AcceptOnlyFromAmong(RecordingModes.Names.ToArray());
        var judge = new Option<string?>("--judge")
        {
            Description = string.Join(", ", JudgeRegistry.BuiltIn.Providers.Select(p => $"{p.Kind} ({p.Summary})")) + ". Default: judge.kind of gate.json.",
            HelpName = "KIND",
        };
        judge.AcceptOnlyFromAmong(JudgeRegistry.BuiltIn.Kinds.ToArray());
        var parallel = new Option<int?>("--parallel") { Description = "LLM calls in flight at most. Default: llm.parallel of gate.json (4).", HelpName = "N" };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 256) result.AddError("--parallel must be between 1 and 256");
        });
        var json = new Option<bool>("--json") { Description = "Print gate-report.json to standard output instead of the verdict." };

        var command = new Command("run",
            "Run the gate: retrieve each golden question's top-k, judge each answer, compare everything with the verified " +
            "snapshots under the tolerances of gate.json, and write the reports. A mismatch writes a .received.json beside " +
            "the verified snapshot; review it, then run 'approve'.\n\n" +
            "Exit codes: 0 passed, 1 gate failed, 2 bad input or usage.\n\n" +
            "Examples:\n" +
            "  regression-gate run\n" +
            "  regression-gate run --golden golden --out artifacts/gate\n" +
            "  regression-gate run --llm record          # after changing the judge prompt or model (needs AZURE_OPENAI_*)\n" +
            "  regression-gate run --judge similarity    # offline judge, no LLM\n" +
            "  regression-gate run --json | jq .verdict\n\n" +
            "Retrievers (retriever.kind in gate.json):\n" +
            string.Join("\n", RetrieverRegistry.BuiltIn.Providers.Select(p => $"  {p.Kind,-10} {p.Summary}")))
        {
            golden, output, llm, judge, parallel, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = GateInput.Load(parse.GetValue(golden)!);
            var options = new GateRunOptions
            {
                LlmMode = parse.GetValue(llm) is { } mode ? RecordingModes.Parse(mode) : null,
                JudgeKind = parse.GetValue(judge),
                Parallel = parse.GetValue(parallel),
                Environment = console.Environment,
                Warning = console.Warn,
            };
            var result = await ProgressDisplay.RunAsync(console, progress =>
                GateRunner.RunAsync(input, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
            var outDirectory = Path.GetFullPath(parse.GetValue(output)!);
            var written = GateReports.Write(result, outDirectory);
            if (parse.GetValue(json))
                await console.Out.WriteAsync(await File.ReadAllTextAsync(Path.Combine(outDirectory, GateReports.JsonFile), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            else
                await console.Out.WriteAsync(Verdict(result, written)).ConfigureAwait(false);
            return result.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
        });
        return command;
    }

    /// <summary>
    /// The lines a person reads in a terminal or CI log: verdict, aggregates, causes, the questions whose own lines add
    /// something, how to review the received snapshots, and where the reports are.
    /// </summary>
    internal static string Verdict(GateResult result, IReadOnlyList<string> reports)
    {
        var text = new System.Text.StringBuilder(TextReport.Summary(result, reports.Count > 0 ? reports[0] : GateReports.MarkdownFile));
        var hint = ApprovalHint.For(result);
        if (hint.Needed)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{hint.ReceivedSnapshots.Count} received {(hint.ReceivedSnapshots.Count == 1 ? "snapshot" : "snapshots")} written; review them: {hint.ReviewCommand}"));
        if (reports.Count > 0) text.AppendLine($"reports: {string.Join(", ", reports)}");
        return text.ToString();
    }
}
