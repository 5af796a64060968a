using System.CommandLine;
using RegressionGate.Gate;
using RegressionGate.Golden;

namespace RegressionGate.Cli;

/// <summary>Options several commands share, so they read and are documented the same everywhere.</summary>
static class CommonOptions
{
    public static Option<string> Golden(CliConsole console) => NotEmpty(new Option<string>("--golden", "-g")
    {
        Description = "The golden directory (gate.json, corpus.jsonl, questions.jsonl, recordings/, snapshots/). " +
                      "Default: $REGRESSIONGATE_GOLDEN, else ./golden.",
        HelpName = "DIR",
        DefaultValueFactory = _ => DefaultGolden(console),
    });

    /// <summary>Where a command looks for the golden set when not told: <c>$REGRESSIONGATE_GOLDEN</c>, else <c>./golden</c>.</summary>
    public static string DefaultGolden(CliConsole console) =>
        console.Environment.Get("REGRESSIONGATE_GOLDEN") is { Length: > 0 } dir ? dir : "golden";

    public static Option<string> Out(string description, string fallback) => NotEmpty(new Option<string>("--out", "-o")
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => fallback,
    });

    /// <summary>
    /// <c>--judge-model NAME</c> of <c>init</c> and <c>import</c>: the model judge recordings are keyed by, as gate.json's
    /// <c>judge.model</c> names it; blank is a usage error, since no recording is keyed by it.
    /// </summary>
    public static Option<string?> JudgeModel(string description)
    {
        var option = new Option<string?>("--judge-model") { Description = description, HelpName = "NAME" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && string.IsNullOrWhiteSpace(name))
                result.AddError("--judge-model is empty; name the judge model (or Azure deployment), as judge.model in gate.json does");
        });
        return option;
    }

    /// <summary>An empty path (<c>--golden ""</c>) is a usage error, not the current directory and not a crash.</summary>
    static Option<string> NotEmpty(Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is "") result.AddError($"{option.Name} is empty; give a directory");
        });
        return option;
    }

    /// <inheritdoc cref="NotEmpty(Option{string})"/>
    public static Argument<string> NotEmpty(Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is "") result.AddError($"{argument.Name} is empty; give a directory");
        });
        return argument;
    }

    /// <summary><c>--set PATH=VALUE</c>, repeatable: one setting of <c>gate.json</c> changed for this command only.</summary>
    public static Option<string[]> Set() => WithOverrideCheck(new Option<string[]>("--set")
    {
        Description = "Change one setting of gate.json for this command only, e.g. --set retriever.kind=bm25 or --set retriever.k=20 " +
                      "(repeatable; the value is read as JSON where it is JSON, else as text). gate.json itself is not touched.",
        HelpName = "PATH=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    });

    /// <summary>The overrides <paramref name="option"/> was given, in order.</summary>
    public static IReadOnlyList<SettingOverride> Overrides(ParseResult parse, Option<string[]> option) =>
        (parse.GetValue(option) ?? []).Select(text => SettingOverride.TryParse(text)!).ToList();

    static Option<string[]> WithOverrideCheck(Option<string[]> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (SettingOverride.TryParse(text) is null) result.AddError($"--set '{text}': expected PATH=VALUE, e.g. --set retriever.kind=bm25");
            }
        });
        return option;
    }
}
