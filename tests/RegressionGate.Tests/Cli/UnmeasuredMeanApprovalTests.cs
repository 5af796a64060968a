using RegressionGate.Files;
using System.Text.RegularExpressions;
using RegressionGate.Cli;
using RegressionGate.Formatting;
using RegressionGate.Environments;
using RegressionGate.Snapshots;
using RegressionGate.Tests.Llm;
using RegressionGate.Tests.Support;
using RegressionGate.Tests.Triad;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// A retrieval change with the triad configured, approved before its new judgments are recorded: the new top-k holds
/// segments context relevance never judged, and groundedness a context it never saw, so replay cannot measure either
/// mean. Approving must keep those means in the baseline (and say why, and what to do), while a mean whose metric was
/// taken out of gate.json on purpose may go, said as such.
/// </summary>
public sealed class UnmeasuredMeanApprovalTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static IReadOnlyDictionary<string, string> Azure(LoopbackOpenAIServer server) =>
        TestEnvironments.AzureVariables(server.BaseAddress);

    string SummaryPath(string golden, string suffix) => Path.Combine(golden, "snapshots", "summary", "gate" + suffix);

    Task<CliRun.Outcome> Run(string golden) => CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"));

    /// <summary>The triad set, its judgments recorded over loopback and approved: the baseline holds all three means.</summary>
    async Task<string> Recorded()
    {
        var golden = TriadGolden.Write(temp);
        await using (var server = await LoopbackOpenAIServer.StartAsync(r => LoopbackJudge.Answer(r)))
        {
            var recorded = await CliRun.RunAsync(Azure(server), "run", "--golden", golden, "--out", temp.Combine("out"), "--llm", "record");
            Assert.True(recorded.ExitCode == 1, recorded.ToString()); // nothing verified yet
        }
        var approved = await CliRun.RunAsync("approve", "--golden", golden);
        Assert.True(approved.ExitCode == 0, approved.ToString());
        var summary = SnapshotKinds.Summary.ReadFile(SummaryPath(golden, SnapshotStore.VerifiedSuffix));
        Assert.Equal(["answer-relevance", "context-relevance", "groundedness"], summary.Metrics!.Select(m => m.Name));
        return golden;
    }

    /// <summary>
    /// BM25's top 5 → dense's top 8, the whole corpus: every question's top-k gains segments never judged, and
    /// groundedness a context never seen, so replay measures neither mean on any question.
    /// </summary>
    async Task<string> RetrievalChangedWithoutRecording(string from = "{ \"kind\": \"bm25\", \"k\": 5 }", string to = "{ \"kind\": \"dense\", \"k\": 8 }")
    {
        var golden = await Recorded();
        Edit(golden, from, to);
        var changed = await Run(golden);
        Assert.True(changed.ExitCode == 1, changed.ToString());
        Assert.Contains("no recording of a context-relevance request (replay)", changed.Out);
        Assert.True(File.Exists(SummaryPath(golden, SnapshotStore.ReceivedSuffix)), changed.ToString());
        return golden;
    }

    static void Edit(string golden, string from, string to)
    {
        var settings = Path.Combine(golden, "gate.json");
        var text = File.ReadAllText(settings);
        Assert.Contains(from, text);
        File.WriteAllText(settings, text.Replace(from, to, StringComparison.Ordinal));
    }

    static string[] Lines(string text, string prefix) =>
        text.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Approving_keeps_a_mean_the_run_could_not_measure_in_the_baseline_and_says_to_record_it()
    {
        var golden = await RetrievalChangedWithoutRecording();
        var verified = File.ReadAllBytes(SummaryPath(golden, SnapshotStore.VerifiedSuffix));
        var received = SnapshotKinds.Summary.ReadFile(SummaryPath(golden, SnapshotStore.ReceivedSuffix));
        Assert.Equal([new MetricNotMeasured("context-relevance", 3, 3), new MetricNotMeasured("groundedness", 3, 3)], received.NotMeasured);

        var baseline = SnapshotKinds.Summary.ReadFile(SummaryPath(golden, SnapshotStore.VerifiedSuffix));

        var approve = await CliRun.RunAsync("approve", "--golden", golden);

        Assert.True(approve.ExitCode == 1, approve.ToString());
        // The command names the golden set, as the other hints do: run without --golden would gate another directory.
        var record = ToolCommand.Current.With($"run --golden {ToolCommand.Argument(TypedPath.Of(golden))} --llm record");
        Assert.Equal(new[] { "context-relevance", "groundedness" }.Select(name =>
            $"summary/gate: refused: mean {name} (baseline {Display.Score(baseline.Metric(name)!.Mean)}) could not be measured on this run " +
            $"(no recording of its judge's requests for 3 questions (replay)), and approving would drop it from the baseline: " +
            $"record them with `{record}`, then approve"), Lines(approve.Out, "summary/gate: "));
        Assert.Equal(verified, File.ReadAllBytes(SummaryPath(golden, SnapshotStore.VerifiedSuffix)));
        Assert.True(File.Exists(SummaryPath(golden, SnapshotStore.ReceivedSuffix)), "the refused summary waits for the recording");
        // The rankings it was asked to approve are approved all the same.
        Assert.Equal(3, Lines(approve.Out, "retrieval/").Count(l => l.Contains(": replaced: ", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(Path.Combine(golden, "snapshots", "retrieval"), "*" + SnapshotStore.ReceivedSuffix));
        Assert.Contains("approved 3 snapshot(s), refused 1", approve.Out);

        // So the set-level gate on both means still holds: the next run still fails on them.
        var again = await Run(golden);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Matches(@"mean context relevance@8 .*no longer measured", again.Out);
        Assert.Matches(@"mean groundedness .*no longer measured", again.Out);
    }

    [Fact]
    public async Task A_dry_run_and_a_review_refuse_the_summary_in_the_same_words_as_approving()
    {
        var golden = await RetrievalChangedWithoutRecording();
        var before = SampleGolden.Fingerprint(golden);

        var dryRun = await CliRun.RunAsync("approve", "--golden", golden, "--dry-run");
        Assert.True(dryRun.ExitCode == 1, dryRun.ToString());
        Assert.Contains("summary/gate: refused: mean context-relevance", dryRun.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        var refused = Lines(dryRun.Out, "summary/gate: ");
        Assert.Equal(2, refused.Length);
        Assert.All(refused, line => Assert.StartsWith("summary/gate: refused: mean ", line));
        Assert.Contains("refused 1", dryRun.Out);

        // The review skips what it cannot accept, saying why exactly as the dry run did, and goes on to the rankings.
        var output = new StringWriter();
        var console = new CliConsole(output, new StringWriter(), EnvironmentVariables.From(new Dictionary<string, string>()), Interactive: false,
            Keys: new ApproveReviewTests.ScriptedKeys("sss"));
        var code = await CliApp.RunAsync(["approve", "--golden", golden, "--review"], console);

        Assert.Equal(1, code);
        var reviewed = output.ToString().ReplaceLineEndings("\n").Split('\n')
            .Select(l => Regex.Replace(l, @"^\[\d+/\d+\] ", ""))
            .Where(l => l.StartsWith("summary/gate: ", StringComparison.Ordinal));
        Assert.Equal(refused, reviewed);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task Approving_does_not_replace_a_mean_with_one_over_the_few_questions_the_run_could_judge()
    {
        // k 5 → 6: two questions gain a segment never judged; the third has no sixth hit, so its judgments replay.
        var golden = await RetrievalChangedWithoutRecording("\"k\": 5", "\"k\": 6");
        var verified = File.ReadAllBytes(SummaryPath(golden, SnapshotStore.VerifiedSuffix));
        var received = SnapshotKinds.Summary.ReadFile(SummaryPath(golden, SnapshotStore.ReceivedSuffix));
        Assert.Equal(1, received.Metric("context-relevance")!.Questions);
        Assert.Equal(new MetricNotMeasured("context-relevance", 2, 2), received.NotMeasured!.Single(m => m.Name == "context-relevance"));

        var approve = await CliRun.RunAsync("approve", "--golden", golden);

        Assert.True(approve.ExitCode == 1, approve.ToString());
        Assert.Contains(Lines(approve.Out, "summary/gate: refused: "), line => line.StartsWith(
            "summary/gate: refused: mean context-relevance (baseline ", StringComparison.Ordinal) && line.Contains(
            ") was measured on only 1 of 3 questions on this run (no recording of its judge's requests for 2 questions (replay)), " +
            "and approving would hold later runs to the mean of those: record them with `", StringComparison.Ordinal));
        Assert.Equal(verified, File.ReadAllBytes(SummaryPath(golden, SnapshotStore.VerifiedSuffix)));
    }

    [Fact]
    public async Task A_mean_whose_metric_left_gate_json_is_dropped_as_a_deliberate_change()
    {
        var golden = await Recorded();
        Edit(golden, """, "groundedness": { "minWords": 3 }""", "");
        var run = await Run(golden);
        Assert.True(run.ExitCode == 1, run.ToString());

        var dryRun = await CliRun.RunAsync("approve", "--golden", golden, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.StartsWith("summary/gate: would replace: ", dryRun.Out);
        Assert.Contains("mean groundedness dropped: no longer configured (was 1.0000)", dryRun.Out);

        var approve = await CliRun.RunAsync("approve", "--golden", golden);

        Assert.True(approve.ExitCode == 0, approve.ToString());
        var summary = SnapshotKinds.Summary.ReadFile(SummaryPath(golden, SnapshotStore.VerifiedSuffix));
        Assert.Equal(["answer-relevance", "context-relevance"], summary.Metrics!.Select(m => m.Name));
        Assert.Equal(0, (await Run(golden)).ExitCode);
    }
}
