using System.CommandLine;
using RegressionGate.Gate;
using RegressionGate.Llm;
using RegressionGate.Records;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate export</c>: one evaluation record per question from a fresh run, for people to annotate.</summary>
static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var output = CommonOptions.Out("Where the records go, one file per question ({NNN}_{hash}.txt).", "artifacts/records");
        var llm = new Option<string?>("--llm") { Description = "replay (default), record, refresh or live, as for 'run'.", HelpName = "MODE" };
        llm.AcceptOnlyFromAmong(RecordingModes.Names.ToArray());

        var command = new Command("export",
            "Retrieve and judge every golden question as 'run' does, without comparing or writing snapshots, and write one " +
            "record per question in the team's Markdown layout (Pergunta, Segmentos recuperados, Resposta, Referências, " +
            "Anotação manual, Answer Relevance, Anotação automatizada, Raciocínio), e.g. to annotate after a model change.\n\n" +
            "Examples:\n" +
            "  regression-gate export --golden golden --out records\n" +
            "  regression-gate export --llm live --out records/new-model")
        {
            golden, output, llm,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = CliGolden.Load(console, parse.GetValue(golden)!);
            var directory = OutputDirectory.Check(parse.GetValue(output)!, input.Golden.Directory);
            var options = new GateRunOptions { LlmMode = parse.GetValue(llm) is { } mode ? RecordingModes.Parse(mode) : null, Environment = console.Environment, Warning = console.Warn };
            var evaluation = await ProgressDisplay.RunAsync(console, progress =>
                GateRunner.EvaluateAsync(input, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
            var written = EvaluationExport.Write(evaluation, directory);
            await console.Out.WriteLineAsync($"wrote {written.Count} record(s) to {directory}").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }
}
