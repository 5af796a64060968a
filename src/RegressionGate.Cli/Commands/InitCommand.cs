using System.CommandLine;
using RegressionGate.Cli.Init;
using RegressionGate.Environments;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate init</c>: start a golden set, and optionally the GitHub workflow that gates it.</summary>
static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = CommonOptions.NotEmpty(new Argument<string>("DIR")
        {
            Description = "The golden directory to create. Default: $REGRESSIONGATE_GOLDEN, else ./golden.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => CommonOptions.DefaultGolden(console),
        });
        var workflow = new Option<bool>("--workflow")
        {
            Description = $"Also write the GitHub workflow ({GoldenSetStarter.WorkflowFile}) and the action it uses " +
                          $"({GoldenSetStarter.ActionDirectory}/) at the root of the git repository that holds DIR.",
        };
        var shards = new Option<int?>("--shards")
        {
            Description = "With --workflow: split the gate over N runners of a job matrix (each embeds and gates its shard, " +
                          "then one job merges the parts into the verdict, the job summary and a pull-request comment).",
            HelpName = "N",
        };
        shards.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 2 or > Sharding.Shard.MaxCount)
                result.AddError($"--shards must be between 2 and {Sharding.Shard.MaxCount}");
        });

        var judgeModel = CommonOptions.JudgeModel(
            "The model (or Azure deployment) that judges the answers, written as judge.model: recordings are kept under it, " +
            "so 'import' keeps the records' judgments and 'run' replays them.");

        var command = new Command("init",
            "Start a golden set: gate.json with every setting at its default, an empty corpus.jsonl and questions.jsonl, " +
            "and the .gitignore lines for received snapshots and the embedding cache. Fill it with 'import' (evaluation " +
            "records) or by hand. An existing golden set is never overwritten.\n\n" +
            "Examples:\n" +
            "  regression-gate init\n" +
            "  regression-gate init golden --workflow\n" +
            "  regression-gate init golden --workflow --shards 4\n" +
            "  regression-gate init golden --judge-model gpt-4o-mini && regression-gate import records/*.txt --golden golden")
        {
            directory, workflow, shards, judgeModel,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(shards) is not null && !result.GetValue(workflow)) result.AddError("--shards goes with --workflow: it says how many runners the workflow splits the gate over");
        });
        command.SetAction(async (parse, _) =>
        {
            var golden = parse.GetValue(directory)!;
            foreach (var line in GoldenSetStarter.Start(golden, parse.GetValue(workflow), parse.GetValue(shards), parse.GetValue(judgeModel))) await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            var tool = ToolCommand.Current;
            var argument = ToolCommand.Argument(golden);
            await console.Out.WriteLineAsync(
                $"next: {tool.With($"import RECORD… --golden {argument}")} (or add segments and questions by hand), " +
                $"then {tool.With($"run --golden {argument}")}").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }
}
