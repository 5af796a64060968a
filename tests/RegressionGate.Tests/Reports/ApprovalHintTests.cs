using RegressionGate.Files;
using RegressionGate.Reports;
using RegressionGate.Tests.Support;
using RegressionGate.Environments;

namespace RegressionGate.Tests.Reports;

public sealed class ApprovalHintTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_golden_set_inside_a_repository_is_named_from_the_repository_root()
    {
        Directory.CreateDirectory(temp.Combine("repo", ".git"));
        var golden = temp.Combine("repo", "tests", "golden");

        Assert.Equal("tests/golden", TypedPath.Of(golden));
    }

    [Fact]
    public void A_golden_set_outside_any_repository_keeps_its_full_path()
    {
        var golden = temp.Combine("elsewhere", "golden");

        Assert.Equal(golden, TypedPath.Of(golden));
    }

    [Fact]
    public void The_commands_quote_a_directory_with_spaces_and_list_received_snapshots_relative_to_it()
    {
        var result = Scenarios.FailingRun(temp.Combine("my golden"));

        var hint = ApprovalHint.For(result);

        Assert.Equal(ToolCommand.Current.With($"approve --golden \"{temp.Combine("my golden")}\" --dry-run"), hint.DryRunCommand);
        Assert.Equal(["snapshots/retrieval/105.received.json", "snapshots/judge/201.received.json", "snapshots/summary/gate.received.json"], hint.ReceivedSnapshots);
        Assert.True(hint.Needed);
    }
}
