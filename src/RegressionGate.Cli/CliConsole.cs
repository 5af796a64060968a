using RegressionGate.Snapshots;

namespace RegressionGate.Cli;

/// <summary>Where a command writes and what it may read of its surroundings; tests pass their own.</summary>
/// <param name="Interactive">A person is watching a terminal: progress bars are drawn only then.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, IEnvironmentVariables Environment, bool Interactive)
{
    public static CliConsole FromProcess()
    {
        var environment = EnvironmentVariables.Process;
        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected && string.IsNullOrEmpty(environment.Get("CI"));
        return new CliConsole(Console.Out, Console.Error, environment, interactive);
    }
}
