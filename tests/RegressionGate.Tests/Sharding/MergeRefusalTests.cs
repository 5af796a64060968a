using System.Text.Json.Nodes;
using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Sharding;

/// <summary>Two real shards of a small golden set, run once for every refusal test.</summary>
public sealed class TwoShards : IDisposable
{
    public TempDirectory Temp { get; } = new();

    public string Golden { get; }

    public IReadOnlyList<string> Parts { get; }

    public TwoShards()
    {
        Golden = TinyGolden.Write(Temp, withAnswers: true);
        Parts = [Run(1), Run(2)];
    }

    string Run(int index)
    {
        var outDirectory = Temp.Combine("parts", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var outcome = CliRun.RunAsync("run", "--golden", Golden, "--shard", $"{index}/2", "--out", outDirectory).GetAwaiter().GetResult();
        if (outcome.ExitCode is not (0 or 1)) throw new InvalidOperationException(outcome.ToString());
        return outDirectory;
    }

    public void Dispose() => Temp.Dispose();
}

/// <summary>Parts that are not the N shards of one run over the golden set given: one clear line, exit 2, nothing written.</summary>
public sealed class MergeRefusalTests(TwoShards shards) : IClassFixture<TwoShards>, IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Out => temp.Combine("merged");

    /// <summary>A copy of a part with its part file edited, as a part of another run would read.</summary>
    string EditedPart(int index, Action<JsonNode> edit)
    {
        var directory = temp.Combine("edited", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(shards.Parts[index - 1], "gate-part.json")))!;
        edit(node);
        File.WriteAllText(Path.Combine(directory, "gate-part.json"), node.ToJsonString());
        return directory;
    }

    async Task<string> Refused(string golden, params string[] parts)
    {
        var outcome = await CliRun.RunAsync(["merge", .. parts, "--golden", golden, "--out", Out]);
        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.StartsWith("error: ", outcome.Error);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", outcome.Error);
        Assert.False(Directory.Exists(Out));
        return outcome.Error;
    }

    [Fact]
    public async Task Both_parts_merge_into_a_verdict_over_every_question()
    {
        var outcome = await CliRun.RunAsync(["merge", .. shards.Parts, "--golden", shards.Golden, "--out", Out, "--json"]);

        Assert.True(outcome.ExitCode is 0 or 1, outcome.ToString());
        var report = JsonNode.Parse(outcome.Out)!;
        Assert.Equal(["105", "q-gd", "q-km"], report["questions"]!.AsArray().Select(q => (string)q!["id"]!));
        Assert.Null((string?)report["shard"]);
    }

    [Fact]
    public async Task Parts_written_before_the_unused_judge_field_was_dropped_still_merge_to_the_same_verdict()
    {
        var current = await CliRun.RunAsync(["merge", .. shards.Parts, "--golden", shards.Golden, "--out", Out, "--json"]);
        // The previous version also wrote the labelled judge's identity, which merge derives from metricJudges.
        var older = Enumerable.Range(1, 2).Select(index => EditedPart(index, node =>
            node.AsObject()["judge"] = node["metricJudges"]!.AsArray().Select(j => j!["judge"]!.DeepClone()).FirstOrDefault())).ToList();

        var merged = await CliRun.RunAsync(["merge", .. older, "--golden", shards.Golden, "--out", temp.Combine("merged-older"), "--json"]);

        Assert.Equal(current.ExitCode, merged.ExitCode);
        Assert.Equal(Verdicts(current.Out), Verdicts(merged.Out));
    }

    static IEnumerable<string> Verdicts(string json) =>
        JsonNode.Parse(json)!["questions"]!.AsArray().Select(q => q!.ToJsonString());

    [Fact]
    public async Task A_missing_shard_is_refused()
    {
        var error = await Refused(shards.Golden, shards.Parts[0]);
        Assert.Contains("shard 2 of 2 is missing", error);
    }

    [Fact]
    public async Task A_shard_given_twice_is_refused_naming_both()
    {
        var error = await Refused(shards.Golden, shards.Parts[0], shards.Parts[1], shards.Parts[0]);
        Assert.Contains("shard 1/2 is given twice", error);
    }

    [Fact]
    public async Task Parts_of_different_shard_counts_are_refused()
    {
        var other = EditedPart(2, node => node["shard"]!["count"] = 3);
        var error = await Refused(shards.Golden, shards.Parts[0], other);
        Assert.Contains("different numbers of shards", error);
    }

    [Fact]
    public async Task Parts_from_different_golden_sets_are_refused()
    {
        var other = EditedPart(2, node => node["fingerprint"]!["golden"] = new string('0', 64));
        var error = await Refused(shards.Golden, shards.Parts[0], other);
        Assert.Contains("different golden sets", error);
    }

    [Fact]
    public async Task Parts_run_under_different_configurations_are_refused()
    {
        var other = EditedPart(2, node => node["fingerprint"]!["overrides"] = "judge=answer-relevance");
        var error = await Refused(shards.Golden, shards.Parts[0], other);
        Assert.Contains("different configurations", error);
    }

    [Fact]
    public async Task Parts_of_another_golden_set_than_the_one_given_are_refused()
    {
        var changed = temp.Combine("changed");
        CopyDirectory(shards.Golden, changed);
        var questions = Path.Combine(changed, "questions.jsonl");
        File.WriteAllText(questions, File.ReadAllText(questions).Replace("k-means", "k-medoids", StringComparison.Ordinal));

        var error = await Refused(changed, [.. shards.Parts]);
        Assert.Contains("another golden set", error);
    }

    [Fact]
    public async Task Parts_run_under_another_gate_json_than_the_one_given_are_refused()
    {
        var changed = temp.Combine("changed");
        CopyDirectory(shards.Golden, changed);
        var settings = Path.Combine(changed, "gate.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"k\": 5", "\"k\": 4", StringComparison.Ordinal));

        var error = await Refused(changed, [.. shards.Parts]);
        Assert.Contains("another gate.json", error);
    }

    [Fact]
    public async Task A_damaged_part_file_is_refused_naming_the_file_and_field()
    {
        var damaged = EditedPart(1, node => node["questions"]![0]!["ranking"]![0]!["score"] = "high");
        var error = await Refused(shards.Golden, damaged, shards.Parts[1]);
        Assert.Contains("gate-part.json: field 'questions[0].ranking[0].score': must be a number", error);
    }

    [Fact]
    public async Task A_directory_without_a_part_is_refused()
    {
        var error = await Refused(shards.Golden, shards.Parts[0], temp.Path);
        Assert.Contains("holds no gate-part.json", error);
    }

    static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
