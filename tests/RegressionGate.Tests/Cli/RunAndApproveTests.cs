using System.Text.Json;
using RegressionGate.Tests.Support;

namespace RegressionGate.Tests.Cli;

/// <summary>The review loop a user goes through on the command line, on a small real golden set.</summary>
public sealed class RunAndApproveTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Out => temp.Combine("out");

    [Fact]
    public async Task A_new_set_fails_until_approved_then_passes()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);

        var first = await CliRun.RunAsync("run", "--golden", golden, "--out", Out);
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Contains("gate FAILED", first.Out);
        Assert.Contains("no verified snapshot", first.Out);
        var received = Directory.GetFiles(golden, "*.received.json", SearchOption.AllDirectories);
        Assert.Equal(3 + 3 + 1, received.Length);

        var before = SampleGolden.Fingerprint(golden);
        var dryRun = await CliRun.RunAsync("approve", "--golden", golden, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("would approve 7 snapshot(s)", dryRun.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));

        var approve = await CliRun.RunAsync("approve", "--golden", golden);
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.Contains("approved 7 snapshot(s)", approve.Out);
        Assert.Empty(Directory.GetFiles(golden, "*.received.json", SearchOption.AllDirectories));

        var second = await CliRun.RunAsync("run", "--golden", golden, "--out", Out, "--json");
        Assert.True(second.ExitCode == 0, second.ToString());
        using var report = JsonDocument.Parse(second.Out);
        Assert.Equal("passed", report.RootElement.GetProperty("verdict").GetString());
        Assert.True(File.Exists(Path.Combine(Out, "gate-report.json")));
    }

    [Fact]
    public async Task Bad_input_exits_2_naming_file_line_and_field_and_writes_nothing()
    {
        var golden = TinyGolden.Write(temp);
        File.AppendAllText(Path.Combine(golden, "questions.jsonl"), "{\"id\": \"q-x\", \"text\": \"?\", \"manual\": \"X\"}\n");
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("questions.jsonl:4: field 'manual': 'X' is not a label; use C, P or I", outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_live_mode_without_configuration_exits_2_naming_the_variables_and_writes_nothing()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: "answer-relevance");
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out, "--llm", "record");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("AZURE_OPENAI_ENDPOINT", outcome.Error);
        Assert.Contains("OPENAI_API_KEY", outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Replay_without_a_recording_fails_the_question_naming_its_key_and_the_record_command()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: "answer-relevance");

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches("105 judgment: question 105: no recording for this request \\(key [0-9a-f]{64}", outcome.Out);
        Assert.Contains("--llm record", outcome.Out);
    }
}
