using RegressionGate.Cli;
using RegressionGate.Environments;

namespace RegressionGate.Tests.Cli;

/// <summary>Runs the command line in process with captured output and a given environment.</summary>
public static class CliRun
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- error ---\n{Error}";
    }

    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, EnvironmentVariables.From(environment ?? new Dictionary<string, string>()), Interactive: false);
        var code = await CliApp.RunAsync(args, console);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    public static Task<Outcome> RunAsync(params string[] args) => RunAsync(null, args);
}
