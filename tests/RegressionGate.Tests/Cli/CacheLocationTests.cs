using RegressionGate.Retrieval.Embedding;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// Where the embedding cache cannot live: a place taken by a file is bad input, refused before anything is written; a
/// directory that cannot be written costs the run its cache, not its verdict.
/// </summary>
public sealed class CacheLocationTests : IDisposable
{
    /// <summary>
    /// A directory no process may create files in, root included (file modes would not stop the root user these tests
    /// may run as): the kernel's sysfs.
    /// </summary>
    const string Unwritable = "/sys";

    readonly TempDirectory temp = new();
    readonly string golden;

    public CacheLocationTests() => golden = TinyGolden.Write(temp, withAnswers: true);

    public void Dispose() => temp.Dispose();

    string Out => temp.Combine("out");

    [Theory]
    [InlineData("run", "", "is a file; it must name a directory")]
    [InlineData("run", "cache", "lies under")]
    [InlineData("run", "a/b", "lies under")]
    [InlineData("export", "", "is a file")]
    [InlineData("ask", "", "is a file")]
    public async Task A_cache_variable_naming_a_file_is_one_line_and_exit_2_before_anything_is_written(string command, string under, string reported)
    {
        var file = temp.Write("not-a-directory", "a file where the cache should go\n");
        var before = SampleGolden.Fingerprint(golden);
        string[] args = command == "ask" ? ["ask", "O que é pooling?", "--golden", golden] : [command, "--golden", golden, "--out", Out];

        var outcome = await CliRun.RunAsync(Environment(under.Length == 0 ? file : Path.Combine(file, under)), args);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {EmbeddingCache.EnvironmentVariable}: ", line);
        Assert.Contains(file, line);
        Assert.Contains(reported, line);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(Out));
        Assert.Equal("a file where the cache should go\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_file_where_the_default_cache_goes_is_exit_2_and_names_the_variable_that_moves_it()
    {
        var file = temp.Write(EmbeddingCache.DefaultFolderName, "");
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync(new Dictionary<string, string>(), "run", "--golden", golden, "--out", Out);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file}: a file stands where the embedding cache directory goes", line);
        Assert.Contains($"set {EmbeddingCache.EnvironmentVariable} to a directory", line);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("")]
    [InlineData("regression-gate-cache")]
    public async Task An_unwritable_cache_directory_is_one_warning_and_the_gate_still_decides(string under)
    {
        var cache = under.Length == 0 ? Unwritable : Path.Combine(Unwritable, under);
        var approved = await CliRun.RunAsync(new Dictionary<string, string> { [AutoApproval.Variable] = "1", [EmbeddingCache.EnvironmentVariable] = temp.Combine("cache") },
            "run", "--golden", golden, "--out", Out);
        Assert.True(approved.ExitCode == 0, approved.ToString());

        var outcome = await CliRun.RunAsync(Environment(cache), "run", "--golden", golden, "--out", Out);

        // Passed against the snapshots approved with a working cache: the same rankings and judgments without one.
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("gate passed", outcome.Out);
        var warning = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"warning: embedding cache '{cache}' cannot be written (", warning);
        Assert.EndsWith("this run goes on without keeping new vectors", warning);
        Assert.False(Directory.Exists(Path.Combine(Unwritable, "regression-gate-cache")));
    }

    static Dictionary<string, string> Environment(string cache) => new() { [EmbeddingCache.EnvironmentVariable] = cache };
}
