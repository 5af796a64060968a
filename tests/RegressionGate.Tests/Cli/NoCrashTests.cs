using RegressionGate.Tests.Llm;
using RegressionGate.Tests.Records;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// Bad paths, bad files and failing services on the real command line: each ends in one clear error line and the
/// right exit code, never a stack trace, and nothing is written to the golden set.
/// </summary>
public sealed class NoCrashTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Out => temp.Combine("out");

    /// <summary>Every command with one of its path arguments empty; <c>{golden}</c> stands for a real golden set.</summary>
    public static TheoryData<string, string[]> EmptyPaths => new()
    {
        { "--golden", ["run", "--golden", ""] },
        { "--out", ["run", "--golden", "{golden}", "--out", ""] },
        { "--golden", ["approve", "--golden", ""] },
        { "--golden", ["ask", "O que é pooling?", "--golden", ""] },
        { "--golden", ["import", "{seed}", "--golden", ""] },
        { "RECORD", ["import", "", "--golden", "{golden}"] },
        { "--golden", ["export", "--golden", ""] },
        { "--out", ["export", "--golden", "{golden}", "--out", ""] },
        { "DIR", ["init", ""] },
    };

    [Theory]
    [MemberData(nameof(EmptyPaths))]
    public async Task An_empty_path_is_a_usage_error_naming_the_option(string option, string[] args)
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync(args.Select(a => a.Replace("{golden}", golden).Replace("{seed}", Seed.Path)).ToArray());

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.StartsWith($"error: {option} is empty", outcome.Error);
        AssertNoStackTrace(outcome);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("export")]
    public async Task Out_naming_a_file_or_a_path_under_a_file_is_refused_before_anything_is_written(string command)
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        var file = temp.Write("notes.txt", "mine");
        var before = SampleGolden.Fingerprint(golden);

        var onFile = await CliRun.RunAsync(command, "--golden", golden, "--out", file);
        var underFile = await CliRun.RunAsync(command, "--golden", golden, "--out", Path.Combine(file, "reports"));

        Assert.True(onFile.ExitCode == 2, onFile.ToString());
        Assert.Equal($"error: --out '{file}' is a file, not a directory\n", onFile.Error);
        Assert.True(underFile.ExitCode == 2, underFile.ToString());
        Assert.Equal($"error: --out '{Path.Combine(file, "reports")}' lies under '{file}', which is a file\n", underFile.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("run", "reports")]
    [InlineData("export", ".")]
    public async Task Out_inside_the_golden_directory_is_refused_before_anything_is_written(string command, string under)
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        var before = SampleGolden.Fingerprint(golden);
        var inside = Path.Combine(golden, under);

        var outcome = await CliRun.RunAsync(command, "--golden", golden, "--out", inside);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal($"error: --out '{inside}' is inside the golden directory {golden}; reports are not part of the golden set, so write them elsewhere\n",
            outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task A_malformed_references_file_is_reported_before_any_snapshot_or_report_is_written()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        File.WriteAllText(Path.Combine(golden, "references.jsonl"), "{\"questionId\": \"105\", \"references\": [{\"text\": \"x\", \"url\": \"\"}]}\nnot json\n");
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.StartsWith($"error: {Path.Combine(golden, "references.jsonl")}:2: malformed JSON", outcome.Error);
        Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task An_unwritable_snapshots_directory_is_reported_per_file_and_the_verdict_is_still_printed()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        // Where the snapshots folder should be stands a file: no snapshot can be written under it, even by root.
        File.WriteAllText(Path.Combine(golden, "snapshots"), "not a folder");

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.StartsWith("gate FAILED: 3 questions", outcome.Out);
        // The Markdown breaks the temp path's long hex run (GitHub would link it as a commit), so the file is named by its tail.
        Assert.Matches(@"could not write the received snapshot [^ ]*/retrieval/q-km\.received\.json:", File.ReadAllText(Path.Combine(Out, "gate-report.md")));
        Assert.Contains("could not write the received snapshot", outcome.Out);
        AssertNoStackTrace(outcome);
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(golden, "snapshots")));
    }

    [Fact]
    public async Task Ask_with_a_failing_LLM_shows_the_segments_then_one_error_line()
    {
        var golden = TinyGolden.Write(temp);
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Error(400, "the deployment is gone"));

        var outcome = await CliRun.RunAsync(
            TestEnvironments.Azure(server.BaseAddress).ToDictionary(p => p.Key, p => p.Value!),
            "ask", "Para que serve o pooling?", "--golden", golden, "--top", "3");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains(" 1. [", outcome.Out);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: no answer: ", line);
        Assert.Contains("answered HTTP 400", line);
        Assert.Contains("the deployment is gone", line);
        AssertNoStackTrace(outcome);
    }

    static void AssertNoStackTrace(CliRun.Outcome outcome) =>
        Assert.False(outcome.Out.Contains("   at ", StringComparison.Ordinal) || outcome.Error.Contains("   at ", StringComparison.Ordinal),
            $"a stack trace reached the user:\n{outcome}");
}
