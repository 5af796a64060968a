namespace RegressionGate.Tests.Cli;

public sealed class HelpTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("approve")]
    [InlineData("ask")]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("init")]
    [InlineData("compare")]
    public async Task Every_command_teaches_with_an_example(string command)
    {
        var outcome = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Examples:", outcome.Out);
        Assert.Contains($"regression-gate {command}", outcome.Out);
    }

    [Fact]
    public async Task The_root_help_lists_the_commands_and_the_exit_codes()
    {
        var outcome = await CliRun.RunAsync("--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var command in new[] { "run", "approve", "compare", "ask", "import", "export", "init" }) Assert.Contains(command, outcome.Out);
        Assert.Contains("0 passed, 1 gate failed, 2 bad input or usage", outcome.Out);
    }

    [Theory]
    [InlineData("run", "--bogus")]
    [InlineData("run", "--llm", "sometimes")]
    [InlineData("run", "--parallel", "0")]
    [InlineData("approve", "--stage", "everything")]
    [InlineData("run", "--set", "retriever.kind")]
    [InlineData("compare", "--set", "=bm25")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_exit_2_and_say_what_is_wrong(params string[] args)
    {
        var outcome = await CliRun.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: ", outcome.Error);
    }
}
