using RegressionGate.Cli.Init;

namespace RegressionGate.Tests.Ci;

/// <summary>
/// Workflows and the action can't run here, and shell scripts run only in CI: they are checked by the tools made for
/// them, action-validator (npm) and shellcheck (Debian). Where a tool is missing, its test says so and skips.
/// </summary>
public sealed class WorkflowValidationTests : IDisposable
{
    const string Validator = "@action-validator/cli";
    /// <summary>npx may fetch the validator from the npm registry first.</summary>
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static string Npx() => ExternalTool.Find("npx") ?? throw new SkipException("npx (npm) is not on PATH: install Node.js and npm to validate the workflows with " + Validator);

    static string Shellcheck() => ExternalTool.Find("shellcheck") ?? throw new SkipException("shellcheck is not on PATH: apt-get install -y shellcheck");

    /// <summary>Every workflow and action in the repository and in the samples.</summary>
    static IEnumerable<string> CommittedYaml() =>
        new[] { ".github", "samples" }
            .SelectMany(folder => Directory.EnumerateFiles(Repository.PathOf(folder), "*.yml", SearchOption.AllDirectories))
            .Where(path => path.Replace('\\', '/').Contains("/.github/", StringComparison.Ordinal));

    static async Task AssertValid(string npx, string path)
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync(npx, Timeout, "--yes", Validator, path);
        Assert.True(exitCode == 0, $"{path}:\n{output}{error}");
    }

    [SkippableFact]
    public async Task Every_workflow_and_action_of_the_repository_and_the_samples_is_valid()
    {
        var npx = Npx();
        var files = CommittedYaml().ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("actions", "regression-gate", "action.yml"), StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("workflows", "gate.yml"), StringComparison.Ordinal));

        await Task.WhenAll(files.Select(file => AssertValid(npx, file)));
    }

    [SkippableFact]
    public async Task The_workflow_init_writes_is_valid_wherever_the_golden_set_sits()
    {
        var npx = Npx();
        var nested = temp.Write("nested.yml", GoldenSetStarter.Workflow(temp.Path, temp.Combine("quality", "golden")));
        var atRoot = temp.Write("root.yml", GoldenSetStarter.Workflow(temp.Path, temp.Combine("golden")));
        var sharded = temp.Write("sharded.yml", GoldenSetStarter.ShardedWorkflow(temp.Path, temp.Combine("quality", "golden"), 4));

        await Task.WhenAll(AssertValid(npx, nested), AssertValid(npx, atRoot), AssertValid(npx, sharded));
    }

    [SkippableFact]
    public async Task The_validator_rejects_a_broken_workflow_so_passing_means_something()
    {
        var npx = Npx();
        var broken = temp.Write("broken.yml", GoldenSetStarter.Workflow(temp.Path, temp.Combine("golden")).Replace("runs-on:", "runs-onn:", StringComparison.Ordinal));

        var (exitCode, output, error) = await ExternalTool.RunAsync(npx, Timeout, "--yes", Validator, broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("runs-onn", output + error);
    }

    [SkippableFact]
    public async Task Every_shell_script_passes_shellcheck()
    {
        var shellcheck = Shellcheck();
        var scripts = new[] { ".ci/run", ".ci/consumer" }.Select(Repository.PathOf)
            .Concat(new[] { ".github", "samples", "tests" }.SelectMany(folder =>
                Directory.EnumerateFiles(Repository.PathOf(folder), "*.sh", SearchOption.AllDirectories)))
            .Where(path => !path.Replace('\\', '/').Contains("/bin/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(scripts, s => s.EndsWith("gate.sh", StringComparison.Ordinal));

        var (exitCode, output, error) = await ExternalTool.RunAsync(shellcheck, Timeout, ["--severity=style", .. scripts]);

        Assert.True(exitCode == 0, output + error);
    }
}
