namespace RegressionGate.Tests.Cli;

/// <summary>Approval and auto-approval on the command line: refused with one clear line where they would do the wrong thing.</summary>
public sealed class ApprovalChecksTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Auto_approval_in_ci_is_one_usage_error_and_writes_nothing()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync(new Dictionary<string, string> { ["CI"] = "true", ["REGRESSIONGATE_AUTO_APPROVE"] = "1" },
            "run", "--golden", golden, "--out", temp.Combine("out"));

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: REGRESSIONGATE_AUTO_APPROVE is set, but so is CI", line);
        Assert.Equal("", outcome.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task Approving_a_question_the_golden_set_does_not_have_exits_2_naming_it()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        await CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"));
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("approve", "--golden", golden, "--question", "q-nope");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(
            $"error: --question 'q-nope': no such question in {Path.Combine(golden, "questions.jsonl")} (the summary is 'gate')\n",
            outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task A_received_file_renamed_to_another_question_is_refused_with_the_reason()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        await CliRun.RunAsync(new Dictionary<string, string> { ["REGRESSIONGATE_AUTO_APPROVE"] = "1" }, "run", "--golden", golden, "--out", temp.Combine("out"));
        var retrieval = Path.Combine(golden, "snapshots", "retrieval");
        File.Copy(Path.Combine(retrieval, "105.verified.json"), Path.Combine(retrieval, "q-km.received.json"));
        var verified = File.ReadAllBytes(Path.Combine(retrieval, "q-km.verified.json"));

        var outcome = await CliRun.RunAsync("approve", "--golden", golden);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("retrieval/q-km: refused: the received snapshot is about question 105, but its file is named for question q-km; nothing changed", outcome.Out);
        Assert.Equal(verified, File.ReadAllBytes(Path.Combine(retrieval, "q-km.verified.json")));
    }
}
