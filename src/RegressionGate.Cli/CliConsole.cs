using RegressionGate.Environments;

namespace RegressionGate.Cli;

/// <summary>Where a command writes and what it may read of its surroundings; tests pass their own.</summary>
/// <param name="Interactive">A person is watching a terminal: progress bars are drawn only then.</param>
/// <param name="Keys">Keys a person presses, when standard input is a terminal; null when it is redirected.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, IEnvironmentVariables Environment, bool Interactive, IKeyInput? Keys = null)
{
    public static CliConsole FromProcess()
    {
        var environment = EnvironmentVariables.Process;
        return new CliConsole(Console.Out, Console.Error, environment,
            IsInteractive(Console.IsOutputRedirected, Console.IsErrorRedirected, environment),
            Console.IsInputRedirected ? null : new ConsoleKeyInput());
    }

    /// <summary>Problems that don't stop the command, such as a damaged embedding cache being rebuilt.</summary>
    public void Warn(string message) => Error.WriteLine($"warning: {message}");

    /// <summary>What a long command is doing (a batch submitted or collected), on standard error so standard output stays the result.</summary>
    public void Note(string message) => Error.WriteLine(message);

    /// <summary>Progress is for people: not when either stream goes to a file or pipe, and never in CI, whose logs it would litter.</summary>
    public static bool IsInteractive(bool outputRedirected, bool errorRedirected, IEnvironmentVariables environment) =>
        !outputRedirected && !errorRedirected && string.IsNullOrEmpty(environment.Get("CI"));
}
