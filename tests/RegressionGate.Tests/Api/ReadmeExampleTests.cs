using System.Text.RegularExpressions;
using RegressionGate.Golden;
using RegressionGate.Reports;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Api;

/// <summary>The README's example of the public API is this project's <c>ReadmeExample.cs</c>, so it compiles; and it works.</summary>
public sealed class ReadmeExampleTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_readme_shows_exactly_the_example_that_is_compiled_here()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("\n## From code\n", StringComparison.Ordinal)..];
        var block = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var example = File.ReadAllText(Path.Combine(Repository.Root, "tests", "RegressionGate.Tests", "Api", "ReadmeExample.cs")).ReplaceLineEndings("\n");

        Assert.Equal(example, block);
    }

    [Fact]
    public async Task The_example_runs_the_gate_and_writes_the_reports()
    {
        var golden = TinyGolden.Write(temp);

        // No verified snapshots yet: every question fails as new, and says how to approve.
        var passed = await QualityGate.RunAsync(golden, temp.Combine("reports"));

        Assert.False(passed);
        Assert.True(File.Exists(temp.Combine("reports", GateReports.MarkdownFile)));
        Assert.True(File.Exists(temp.Combine("reports", GateReports.JsonFile)));
        var approved = SnapshotApprover.For(GoldenSetLoader.Load(golden), new Tolerances()).Approve();
        // One retrieval snapshot per question, and the summary (the tiny set has no answers, so no judge snapshots).
        Assert.Equal(GoldenSetLoader.Load(golden).Questions.Count + 1, approved.Count(e => e.Applied));
        Assert.True(await QualityGate.RunAsync(golden, temp.Combine("reports")));
    }

    [Fact]
    public void The_example_registers_a_retriever_kind_that_gate_json_can_then_name()
    {
        var golden = TinyGolden.Write(temp);
        var settings = Path.Combine(golden, GoldenSet.SettingsFile);
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"k\": 5", "\"kind\": \"my-kind\", \"k\": 5", StringComparison.Ordinal));

        var input = QualityGate.LoadWith(golden, _ => throw new InvalidOperationException("not built by loading"));

        Assert.Equal("my-kind", input.Settings.Retriever.Kind);
        Assert.Contains("my-kind", input.Retrievers.Kinds);
    }
}
