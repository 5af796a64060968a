using RegressionGate.Cli.Init;
using RegressionGate.Tests.Cli;
using YamlDotNet.RepresentationModel;

namespace RegressionGate.Tests.Ci;

/// <summary>
/// The workflow <c>init --workflow --shards N</c> writes, read as YAML and held to what it promises: a matrix over the
/// N shards that does not stop at the first failure, parts passed as artifacts, and a merge job that downloads them
/// by pattern and publishes the verdict. (Its syntax is checked by action-validator in <see cref="WorkflowValidationTests"/>.)
/// </summary>
public sealed class ShardedWorkflowTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static YamlMappingNode Parse(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    static string? Text(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>().ToList();

    static IEnumerable<string> Runs(YamlMappingNode job) => Steps(job).Select(s => Text(s, "run")).OfType<string>();

    [Fact]
    public async Task Init_with_shards_writes_a_matrix_over_every_shard_that_merges_the_parts()
    {
        Directory.CreateDirectory(temp.Combine(".git"));
        var golden = temp.Combine("quality", "golden");
        var outcome = await CliRun.RunAsync("init", golden, "--workflow", "--shards", "3");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("over 3 shards", outcome.Out);
        var text = File.ReadAllText(temp.Combine(GoldenSetStarter.WorkflowFile));
        Assert.DoesNotContain("__", text);
        var jobs = Map(Parse(text), "jobs");

        foreach (var name in new[] { "embed", "gate" })
        {
            var strategy = Map(jobs[name], "strategy");
            Assert.Equal("false", Text(strategy, "fail-fast"));
            Assert.Equal(["1", "2", "3"], ((YamlSequenceNode)Map(strategy, "matrix")["shard"]).Children.Select(c => ((YamlScalarNode)c).Value));
        }
        Assert.Contains(Runs(Map(jobs, "embed")), r => r.Contains("regression-gate embed --golden quality/golden --shard ${{ matrix.shard }}/3", StringComparison.Ordinal));
        var gate = Map(jobs, "gate");
        Assert.Equal("embed", Text(gate, "needs"));
        Assert.Contains(Runs(gate), r => r.Contains("regression-gate merge-embeddings embeddings/*", StringComparison.Ordinal));
        Assert.Contains(Runs(gate), r => r.Contains("regression-gate run --golden quality/golden --shard ${{ matrix.shard }}/3 --out part", StringComparison.Ordinal));
        var upload = Steps(gate).Single(s => Text(s, "uses") == "actions/upload-artifact@v4");
        Assert.Equal("regression-gate-part-${{ matrix.shard }}", Text(Map(upload, "with"), "name"));

        var merge = Map(jobs, "merge");
        Assert.Equal("gate", Text(merge, "needs"));
        Assert.Equal("${{ !cancelled() }}", Text(merge, "if"));
        var download = Steps(merge).Single(s => Text(s, "uses") == "actions/download-artifact@v4");
        Assert.Equal("regression-gate-part-*", Text(Map(download, "with"), "pattern"));
        var merging = Runs(merge).Single(r => r.Contains("regression-gate merge ", StringComparison.Ordinal));
        Assert.Contains("--golden quality/golden --out quality/artifacts/gate", merging);
        Assert.Contains("GITHUB_STEP_SUMMARY", merging);
        Assert.Contains(Runs(merge), r => r.Contains("gh pr comment", StringComparison.Ordinal));
        Assert.Equal("write", Text(Map(merge, "permissions"), "pull-requests"));
    }

    [Fact]
    public async Task Shards_without_a_workflow_or_out_of_range_are_usage_errors()
    {
        var alone = await CliRun.RunAsync("init", temp.Combine("a", "golden"), "--shards", "3");
        var one = await CliRun.RunAsync("init", temp.Combine("b", "golden"), "--workflow", "--shards", "1");

        Assert.True(alone.ExitCode == 2, alone.ToString());
        Assert.Contains("--shards goes with --workflow", alone.Error);
        Assert.True(one.ExitCode == 2, one.ToString());
        Assert.Contains("--shards must be between 2 and 256", one.Error);
        Assert.False(Directory.Exists(temp.Combine("a")));
        Assert.False(Directory.Exists(temp.Combine("b")));
    }
}
