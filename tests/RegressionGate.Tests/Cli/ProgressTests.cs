using RegressionGate.Cli;
using RegressionGate.Environments;

namespace RegressionGate.Tests.Cli;

public sealed class ProgressTests
{
    static IEnvironmentVariables Env(params (string, string)[] variables) =>
        EnvironmentVariables.From(variables.ToDictionary(v => v.Item1, v => v.Item2));

    [Fact]
    public void Progress_is_drawn_only_for_a_terminal_outside_CI()
    {
        Assert.True(CliConsole.IsInteractive(false, false, Env()));
        Assert.False(CliConsole.IsInteractive(true, false, Env()));
        Assert.False(CliConsole.IsInteractive(false, true, Env()));
        Assert.False(CliConsole.IsInteractive(false, false, Env(("CI", "true"))));
    }

    [Fact]
    public async Task A_run_that_is_not_interactive_prints_no_progress_only_the_verdict()
    {
        using var temp = new TempDirectory();
        var golden = TinyGolden.Write(temp);

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"));

        Assert.Empty(outcome.Error);
        Assert.StartsWith("gate ", outcome.Out);
        Assert.DoesNotContain("embedding corpus", outcome.Out);
    }
}
