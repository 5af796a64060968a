using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class SnapshotFileNameTests
{
    [Theory]
    [InlineData("105", "105")]
    [InlineData("q-pooling_2.b", "q-pooling_2.b")]
    [InlineData("a/b", "a~2Fb")]
    [InlineData("..", "~2E~2E")]
    [InlineData(".hidden", "~2Ehidden")]
    [InlineData("ends.", "ends~2E")]
    [InlineData("a~2Fb", "a~7E2Fb")]
    [InlineData("ação 1", "a~C3~A7~C3~A3o~201")]
    [InlineData("CON", "~43ON")]
    [InlineData("nul.txt", "~6Eul.txt")]
    [InlineData("console", "console")]
    [InlineData("a\\b:c*?", "a~5Cb~3Ac~2A~3F")]
    public void Ids_become_safe_file_names(string id, string expected)
    {
        Assert.Equal(expected, SnapshotFileName.For(id));
    }

    [Fact]
    public void Different_ids_never_share_a_name()
    {
        string[] ids = ["a/b", "a~2Fb", "a_b", "a b", "a~b", "a.b", "A/B", "CON", "~43ON", "..", "~2E~2E"];
        Assert.Equal(ids.Length, ids.Select(SnapshotFileName.For).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_very_long_id_is_cut_and_keeps_a_hash_of_the_whole()
    {
        var first = new string('x', 300) + "1";
        var second = new string('x', 300) + "2";
        var name = SnapshotFileName.For(first);
        Assert.True(name.Length <= SnapshotFileName.MaxLength, name);
        Assert.Contains("~~", name);
        Assert.NotEqual(name, SnapshotFileName.For(second));
    }

    [Fact]
    public void The_store_places_files_by_stage_with_verified_and_received_side_by_side()
    {
        var store = new SnapshotStore("/tmp/golden/snapshots");
        Assert.Equal(Path.GetFullPath("/tmp/golden/snapshots/retrieval/a~2Fb.verified.json"), store.VerifiedPath("retrieval", "a/b"));
        Assert.Equal(Path.GetFullPath("/tmp/golden/snapshots/summary/gate.received.json"), store.ReceivedPath("summary", SnapshotStages.SummaryName));
        Assert.Throws<ArgumentException>(() => store.VerifiedPath("../elsewhere", "105"));
    }
}
