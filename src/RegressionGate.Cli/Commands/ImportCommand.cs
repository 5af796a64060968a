using System.CommandLine;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Records;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate import</c>: start or extend a golden set from the team's evaluation records.</summary>
static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var records = new Argument<string[]>("RECORD") { Description = "Evaluation record files in the seed's Markdown layout.", Arity = ArgumentArity.OneOrMore };
        records.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>()?.Any(path => path.Length == 0) == true) result.AddError("RECORD is empty; name an evaluation record file");
        });

        var judgeModel = CommonOptions.JudgeModel(
            "The model (or Azure deployment) the records' judgments came from: their recordings are kept under it, and it is " +
            "set as judge.model in gate.json when gate.json names none (a different judge.model there is refused).");

        var command = new Command("import",
            "Import evaluation records (\"Pergunta N\", \"Segmentos recuperados pelo E5\", …) into a golden set: the question " +
            "with its answer and manual label, the retrieved segments into the corpus (merged by id), the recorded ranking into " +
            "the run file (retriever kind run-file gates it as it is), and the AR reasoning as a replayable judge recording. " +
            "Everything is checked first; on any error nothing is written. Importing the same record again changes nothing.\n\n" +
            "Examples:\n" +
            "  regression-gate import records/000_2d96afdaa130e795.txt --golden golden\n" +
            "  regression-gate import records/*.txt --golden golden\n" +
            "  regression-gate import records/*.txt --golden golden --judge-model gpt-4o-mini")
        {
            records, golden, judgeModel,
        };
        command.SetAction(async (parse, _) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(golden)!);
            var result = new RecordImporter(new RecordJudgeRecordings()).Import(parse.GetValue(records)!, directory, parse.GetValue(judgeModel));
            foreach (var line in result.Summary()) await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            if (RunFileHint(result, directory) is { } hint) await console.Out.WriteLineAsync(hint).ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>
    /// Records carry the rankings the team's system produced. Unless gate.json already gates those (run-file), say how,
    /// so that an export prints them back as they were rather than the rankings of the configured retriever.
    /// </summary>
    static string? RunFileHint(ImportResult result, string directory)
    {
        if (!result.Changes.Any(change => change.Item == ImportItem.RetrievalRun)) return null;
        var settings = GateSettingsReader.Read(Path.Combine(directory, GoldenSet.SettingsFile), GoldenSet.SettingsFile).Retriever;
        if (settings.Kind == RunFileRetriever.Kind) return null;
        return $"note: the records carry their rankings, now in {settings.RunFile}; to gate those as recorded (and have export " +
               $"reproduce them) instead of retrieving with '{settings.Kind}', set \"retriever\": {{ \"kind\": \"{RunFileRetriever.Kind}\" }} in gate.json";
    }
}
