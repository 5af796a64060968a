using System.Text.Json.Nodes;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// Inputs that were once accepted silently are rejected on the command line with file, line and field, exit 2, and
/// nothing written: duplicate keys, ids that differ only in case or hold control characters, k beyond the corpus.
/// </summary>
public sealed class RejectedInputTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Out => temp.Combine("out");

    async Task<string> RunFails(string golden)
    {
        var before = SampleGolden.Fingerprint(golden);
        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out);
        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(Out));
        return Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    static void AppendLine(string golden, string file, string line) => File.AppendAllText(Path.Combine(golden, file), line + "\n");

    [Fact]
    public async Task A_key_given_twice_in_gate_json_is_rejected_on_its_second_line()
    {
        var golden = TinyGolden.Write(temp);
        File.WriteAllText(Path.Combine(golden, "gate.json"), "{\n  \"retriever\": {\n    \"k\": 5,\n    \"k\": 3\n  }\n}\n");

        var error = await RunFails(golden);

        Assert.Equal($"error: {Path.Combine(golden, "gate.json")}:4: field 'retriever.k': is given twice (first on line 3); which one holds is anyone's guess", error);
    }

    [Theory]
    [InlineData("questions.jsonl", """{"id": "q-new", "text": "a", "text": "b"}""", "text")]
    [InlineData("corpus.jsonl", """{"id": "9", "videoId": "v", "title": "t", "url": null, "url": null, "start": "00:00:01", "end": "00:00:02", "text": "x"}""", "url")]
    public async Task A_key_given_twice_on_a_json_lines_line_is_rejected(string file, string line, string field)
    {
        var golden = TinyGolden.Write(temp);
        AppendLine(golden, file, line);
        var number = File.ReadAllLines(Path.Combine(golden, file)).Length;

        var error = await RunFails(golden);

        Assert.Equal($"error: {Path.Combine(golden, file)}:{number}: field '{field}': is given twice; which one holds is anyone's guess", error);
    }

    [Fact]
    public async Task Question_ids_that_differ_only_in_letter_case_are_rejected()
    {
        var golden = TinyGolden.Write(temp);
        AppendLine(golden, "questions.jsonl", """{"id": "Q-KM", "text": "O que é k-means?"}""");

        var error = await RunFails(golden);

        Assert.Equal(
            $"error: {Path.Combine(golden, "questions.jsonl")}:4: field 'id': question id 'Q-KM' differs from 'q-km' (line 3) only in letter case; " +
            "their snapshots would be one file on Windows and macOS", error);
    }

    [Fact]
    public async Task Segment_ids_that_differ_only_in_letter_case_are_rejected()
    {
        var golden = TinyGolden.Write(temp);
        var corpus = Path.Combine(golden, "corpus.jsonl");
        var first = JsonNode.Parse(File.ReadLines(corpus).First())!;
        File.WriteAllText(corpus, File.ReadAllText(corpus).Replace("\"id\": \"1600\"", "\"id\": \"seg-a\"", StringComparison.Ordinal));
        first["id"] = "SEG-A";
        AppendLine(golden, "corpus.jsonl", first.ToJsonString());
        File.WriteAllText(Path.Combine(golden, "questions.jsonl"), File.ReadAllText(Path.Combine(golden, "questions.jsonl")).Replace("\"1600\"", "\"seg-a\"", StringComparison.Ordinal));

        var error = await RunFails(golden);

        Assert.Matches(@"corpus\.jsonl:9: field 'id': segment id 'SEG-A' differs from 'seg-a' \(line \d\) only in letter case", error);
    }

    [Theory]
    [InlineData("q\\u0000x", "U+0000")]
    [InlineData("q\\nx", "U+000A")]
    [InlineData("q\\tx", "U+0009")]
    public async Task An_id_with_a_control_character_is_rejected(string escaped, string codePoint)
    {
        var golden = TinyGolden.Write(temp);
        AppendLine(golden, "questions.jsonl", $$"""{"id": "{{escaped}}", "text": "?"}""");

        var error = await RunFails(golden);

        Assert.Equal($"error: {Path.Combine(golden, "questions.jsonl")}:4: field 'id': holds the control character {codePoint}; ids must be printable", error);
    }

    [Fact]
    public async Task K_beyond_the_size_of_the_corpus_is_rejected_on_its_line()
    {
        var golden = TinyGolden.Write(temp);

        File.WriteAllText(Path.Combine(golden, "gate.json"), "{\n  \"retriever\": { \"k\": 9 }\n}\n");
        var error = await RunFails(golden);

        Assert.Equal($"error: {Path.Combine(golden, "gate.json")}:2: field 'retriever.k': 9 is more than the 8 segments in corpus.jsonl; a top-k cannot be longer than the corpus", error);
    }

    [Fact]
    public async Task A_missing_gate_json_says_so_and_the_run_takes_the_defaults()
    {
        var golden = TinyGolden.Write(temp);
        File.Delete(Path.Combine(golden, "gate.json"));
        // Two more segments, so the default k of 10 fits the corpus.
        foreach (var id in new[] { "extra-1", "extra-2" })
            AppendLine(golden, "corpus.jsonl", $$"""{"id": "{{id}}", "videoId": "v", "title": "t", "url": null, "start": "00:00:01", "end": "00:00:02", "text": "texto extra {{id}}"}""");

        var outcome = await CliRun.RunAsync("run", "--golden", golden, "--out", Out, "--judge", "similarity");

        Assert.Contains($"warning: {Path.Combine(golden, "gate.json")} is missing, so every setting takes its default", outcome.Error);
        Assert.Contains("no gate.json", File.ReadAllText(Path.Combine(Out, "gate-report.md")));
    }

    [Fact]
    public async Task A_directory_with_no_golden_file_at_all_is_not_a_golden_set()
    {
        var empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);

        var outcome = await CliRun.RunAsync("run", "--golden", empty, "--out", Out);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal($"error: {empty}: not a golden set: it has no gate.json, corpus.jsonl or questions.jsonl\n", outcome.Error);
    }
}
