using System.Reflection;
using RegressionGate.Golden;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Ci;

/// <summary>
/// The tool's own tests never depend on the user's golden set: after the README's workflow (change the retriever,
/// approve) `dotnet test` must still pass, so only the golden theories may know where <c>golden/</c> is.
/// </summary>
public sealed class GoldenIndependenceTests
{
    [Fact]
    public void The_tools_tests_are_built_without_knowing_where_the_golden_set_is()
    {
        var metadata = typeof(GoldenIndependenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Select(a => a.Key).ToList();

        Assert.True(!metadata.Contains("GoldenDirectory"),
            "RegressionGate.Tests carries the GoldenDirectory metadata: it imports tests/GoldenDirectory.targets, which only the golden theories may");
        Assert.True(AppContext.GetData("RegressionGate.GoldenDirectory") is null,
            "RegressionGate.Tests was told where golden/ is through RegressionGate.Xunit's build switch, which only the golden theories may be");
    }

    [Fact]
    public void The_tools_own_sample_set_is_a_complete_golden_set_with_a_baseline_for_every_question()
    {
        var set = GoldenSetLoader.Load(SampleGolden.Directory);
        var store = SnapshotStore.InGolden(set.Directory);

        var missing = set.Questions
            .SelectMany(q => new[] { store.VerifiedPath(SnapshotStages.Retrieval, q.Id), store.VerifiedPath(SnapshotStages.Judge, q.Id) })
            .Append(store.VerifiedPath(SnapshotStages.Summary, SnapshotStages.SummaryName))
            .Where(path => !File.Exists(path))
            .Select(path => Path.GetRelativePath(set.Directory, path))
            .ToList();
        Assert.True(missing.Count == 0, $"the fixture lacks verified snapshots: {string.Join(", ", missing)}");
        Assert.NotEqual(Path.GetFullPath(Repository.PathOf("golden")), set.Directory);
    }
}
