using RegressionGate.Answers;
using System.CommandLine;
using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Llm;

namespace RegressionGate.Cli;

/// <summary>
/// The options that shape one run of the gate, shared by <c>run</c> and <c>compare</c> so they read and are documented
/// the same: <c>--llm</c>, <c>--judge</c>, <c>--answers</c>, <c>--parallel</c> and <c>--set</c>.
/// </summary>
sealed class RunOptionSet
{
    public Option<string?> Llm { get; } = new("--llm")
    {
        Description = "How the judge reaches the LLM: replay (recordings only; the default, and what CI uses), record (call on a " +
                      "missing recording and save it), refresh (call for every answer, overwrite), live (call, save nothing). " +
                      "Default: llm.mode of gate.json.",
        HelpName = "MODE",
    };

    public Option<string?> Judge { get; } = new("--judge")
    {
        Description = string.Join(", ", JudgeRegistry.BuiltIn.Providers.Select(p => $"{p.Kind} ({p.Summary})")) + ". Default: judge.kind of gate.json.",
        HelpName = "KIND",
    };

    public Option<string?> Answers { get; } = new("--answers")
    {
        Description = "Which answers the metrics grade: golden (questions.jsonl), generate (from the current top-k with the prompt 'ask' " +
                      "uses, recorded) or endpoint (the assistant in answers.endpoint, recorded). Default: answers.source of gate.json.",
        HelpName = "SOURCE",
    };

    public Option<int?> Parallel { get; } = new("--parallel") { Description = "LLM calls in flight at most. Default: llm.parallel of gate.json (4).", HelpName = "N" };

    public Option<string[]> Set { get; } = CommonOptions.Set();

    public RunOptionSet()
    {
        Llm.AcceptOnlyFromAmong(RecordingModes.Names.ToArray());
        Judge.AcceptOnlyFromAmong(JudgeRegistry.BuiltIn.Kinds.ToArray());
        Answers.AcceptOnlyFromAmong(AnswerSources.Names.ToArray());
        Parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 256) result.AddError("--parallel must be between 1 and 256");
        });
    }

    public IEnumerable<Option> All => [Llm, Judge, Answers, Parallel, Set];

    /// <summary>The run options the command line gave, reading the environment and warning through <paramref name="console"/>.</summary>
    public GateRunOptions Options(ParseResult parse, CliConsole console) => new()
    {
        LlmMode = parse.GetValue(Llm) is { } mode ? RecordingModes.Parse(mode) : null,
        JudgeKind = parse.GetValue(Judge),
        Answers = parse.GetValue(Answers) is { } source ? AnswerSources.Parse(source) : null,
        Parallel = parse.GetValue(Parallel),
        Environment = console.Environment,
        Warning = console.Warn,
        Notice = console.Note,
    };

    /// <summary>The <c>--set</c> overrides, in the order given.</summary>
    public IReadOnlyList<SettingOverride> Overrides(ParseResult parse) => CommonOptions.Overrides(parse, Set);
}
