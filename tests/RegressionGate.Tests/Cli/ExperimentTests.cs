using RegressionGate.Tests.Support;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// Trying a change without touching the golden set: <c>run --no-write</c> and <c>compare</c> report what a change would
/// do, and the golden directory is byte for byte what it was (hashed before and after).
/// </summary>
public sealed class ExperimentTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The small golden set, verified as it stands (so a changed setting is what makes a run fail).</summary>
    async Task<string> Verified()
    {
        var golden = TinyGolden.Write(temp);
        var approve = await CliRun.RunAsync(new Dictionary<string, string> { ["REGRESSIONGATE_AUTO_APPROVE"] = "1" },
            "run", "--golden", golden, "--out", temp.Combine("first"));
        Assert.True(approve.ExitCode == 0, approve.ToString());
        return golden;
    }

    [Fact]
    public async Task Run_no_write_fails_as_a_run_would_but_writes_nothing_into_the_golden_set()
    {
        var golden = await Verified();
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"), "--no-write", "--set", "retriever.kind=bm25");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("retriever changed (dense → bm25): 3 questions (retrieval)", outcome.Out);
        Assert.Contains($"nothing was written into {golden} (--no-write)", outcome.Out);
        Assert.DoesNotContain("received snapshot", outcome.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.True(File.Exists(temp.Combine("out", "gate-report.md")), "the reports are written, outside the golden set");
        Assert.DoesNotContain("\"kind\": \"bm25\"", File.ReadAllText(Path.Combine(golden, "gate.json")));
    }

    [Fact]
    public async Task Run_no_write_refuses_a_recording_mode_that_saves_recordings()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: "answer-relevance");
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"), "--no-write", "--llm", "record");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("llm mode 'record' saves recordings", outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task Compare_shows_both_configurations_aggregates_with_intervals_and_the_questions_that_differ_and_writes_nothing()
    {
        var golden = await Verified();
        var before = SampleGolden.Fingerprint(golden);
        var reports = temp.Combine("compare");

        var outcome = await CliRun.RunAsync("compare", "--golden", golden, "--set", "retriever.kind=bm25", "--out", reports);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var lines = outcome.Out.Split('\n');
        Assert.StartsWith("A: ", lines[0]);
        Assert.Contains("retriever dense (bundled:all-MiniLM-L6-v2)", lines[0]);
        Assert.EndsWith("with --set retriever.kind=bm25 · retriever bm25", lines[1]);
        Assert.Matches(@"^  recall@5 +\d\.\d{4} \[\d\.\d{4} – \d\.\d{4}\] +\d\.\d{4} \[\d\.\d{4} – \d\.\d{4}\] +(0|[+-]\d\.\d{4})$", lines.Single(l => l.StartsWith("  recall@5", StringComparison.Ordinal)));
        Assert.Contains("against the verified snapshots: A would pass · B would fail (3 questions", outcome.Out);
        Assert.Contains("  B: retriever changed (dense → bm25): 3 questions (retrieval)", outcome.Out);
        Assert.Contains("questions whose outcome differs: 3 of 3 (recall higher under B on 2, lower on 0; first relevant earlier on 0, later on 1)", outcome.Out);
        Assert.Contains("  105: recall 0.6667 → 1.0000\n", outcome.Out);
        Assert.Contains("  q-km: first relevant 2 → 4\n", outcome.Out);
        // B fails every question only because its retriever is not the verified one: the experiment, not a finding.
        Assert.DoesNotContain("gate pass → fail", outcome.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        var markdown = File.ReadAllText(Path.Combine(reports, "compare-report.md"));
        Assert.Contains("| aggregate | A (95% interval) | B (95% interval) | Δ B − A |", markdown);
        Assert.Contains("| 105 | pass → setting changed | 0.6667 → 1.0000 | 1 → 1 | — → — |", markdown);
    }

    [Fact]
    public async Task Compare_with_another_gate_json_names_it_as_B_and_changes_neither_file()
    {
        var golden = await Verified();
        var other = temp.Write("experiments/bm25.json", """
            {
              "retriever": { "kind": "bm25", "k": 5 },
              "judge": { "kind": "similarity" }
            }
            """);
        var before = SampleGolden.Fingerprint(golden);
        var otherBefore = File.ReadAllBytes(other);

        var outcome = await CliRun.RunAsync("compare", "--golden", golden, "--config", other);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith($"B: {other} · retriever bm25", outcome.Out.Split('\n')[1]);
        Assert.Contains("  B: retriever changed (dense → bm25): 3 questions (retrieval)", outcome.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.Equal(otherBefore, File.ReadAllBytes(other));
    }

    [Fact]
    public async Task Compare_refuses_to_write_its_report_inside_the_golden_set()
    {
        var golden = TinyGolden.Write(temp);
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("compare", "--golden", golden, "--set", "retriever.kind=bm25", "--out", Path.Combine(golden, "compare"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("is inside the golden directory", outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task Compare_needs_a_second_configuration()
    {
        var golden = TinyGolden.Write(temp);

        var outcome = await CliRun.RunAsync("compare", "--golden", golden);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("give --set PATH=VALUE (repeatable) or --config FILE", outcome.Error);
    }

    [Fact]
    public async Task A_bad_setting_override_is_one_line_naming_the_override_and_the_field()
    {
        var golden = TinyGolden.Write(temp);
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("compare", "--golden", golden, "--set", "retriever.kind=bm52");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"error: {Path.Combine(golden, "gate.json")} with --set retriever.kind=bm52: field 'retriever.kind':", outcome.Error);
        Assert.Single(outcome.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }
}
