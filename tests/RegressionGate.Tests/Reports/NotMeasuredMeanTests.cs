using RegressionGate.Tests.Cli;
using RegressionGate.Tests.Triad;

namespace RegressionGate.Tests.Reports;

public sealed class NotMeasuredMeanTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_mean_whose_judge_had_no_recordings_says_so_rather_than_that_there_was_nothing_to_grade()
    {
        var golden = TriadGolden.Write(temp);

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"));

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var markdown = File.ReadAllText(temp.Combine("out", "gate-report.md"));
        Assert.Matches(@"\| mean context relevance@5 \|.*\| not measured: no recording of its judge's requests for 3 questions \(replay\) \|", markdown);
        Assert.DoesNotContain("anything for it to grade", markdown);
    }
}
