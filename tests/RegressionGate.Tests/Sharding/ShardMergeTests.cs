using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionGate.Sharding;
using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Sharding;

/// <summary>
/// <c>run --shard I/N</c> and <c>merge</c> on a copy of the sample set: the merged <c>gate-report.json</c> equals the
/// unsharded one, and parts that do not make one run are refused.
/// </summary>
[Collection(SampleEmbeddings.Collection)]
public sealed class ShardMergeTests(SampleEmbeddings embeddings) : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    Dictionary<string, string> Environment => new() { ["REGRESSIONGATE_CACHE"] = embeddings.Cache.Path };

    /// <summary>The sample set with a question's retrieval, another's judgment and the aggregates made to fail.</summary>
    string FailingGolden(string name = "golden")
    {
        var golden = SampleGolden.CopyTo(temp);
        if (name != "golden")
        {
            Directory.Move(golden, temp.Combine(name));
            golden = temp.Combine(name);
        }
        Edit(Path.Combine(golden, "snapshots", "retrieval", "105.verified.json"), node =>
            node["ranking"]![0]!["score"] = (double)node["ranking"]![0]!["score"]! + 0.1);
        Edit(Path.Combine(golden, "snapshots", "judge", "201.verified.json"), node =>
        {
            node["score"] = 1.0;
            node["normalised"] = 0.333333;
            node["automated"] = "P";
        });
        Edit(Path.Combine(golden, "snapshots", "summary", "gate.verified.json"), node => node["retrieval"]!["recall"] = 0.9);
        return golden;
    }

    static void Edit(string path, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    async Task<string> RunShard(string golden, int index, int count, string? outDirectory = null)
    {
        outDirectory ??= temp.Combine($"parts-{count}", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var outcome = await CliRun.RunAsync(Environment, "run", "--golden", golden, "--shard", $"{index}/{count}", "--out", outDirectory);
        Assert.True(outcome.ExitCode is 0 or 1, outcome.ToString());
        return outDirectory;
    }

    [Fact]
    public async Task Merged_shards_give_the_unsharded_report_field_by_field_for_1_2_and_3_shards()
    {
        var golden = FailingGolden();
        var whole = await CliRun.RunAsync(Environment, "run", "--golden", golden, "--out", temp.Combine("whole"));
        Assert.True(whole.ExitCode == 1, whole.ToString());
        var expected = JsonNode.Parse(File.ReadAllText(temp.Combine("whole", "gate-report.json")))!;
        // The comparison means something only if every list it compares has something in it.
        Assert.Contains("105", expected["failing"]!.AsArray().Select(n => (string?)n));
        Assert.Contains("201", expected["failing"]!.AsArray().Select(n => (string?)n));
        Assert.NotEmpty(expected["disagreements"]!.AsArray());
        Assert.False((bool)expected["aggregates"]!["passed"]!);

        foreach (var count in new[] { 1, 2, 3 })
        {
            var parts = new List<string>();
            for (var index = 1; index <= count; index++) parts.Add(await RunShard(golden, index, count));
            var merged = temp.Combine($"merged-{count}");

            var outcome = await CliRun.RunAsync(Environment, ["merge", .. parts, "--golden", golden, "--out", merged]);

            Assert.True(outcome.ExitCode == 1, outcome.ToString());
            Assert.Matches(@"\b105\b", outcome.Out);
            Assert.Matches(@"\b201\b", outcome.Out);
            var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(merged, "gate-report.json")))!;
            var differences = new List<string>();
            Compare(expected, actual, "", differences);
            Assert.True(differences.Count == 0, $"{count} shard(s):\n" + string.Join("\n", differences));
        }
    }

    [Fact]
    public async Task Merged_shards_give_the_unsharded_report_for_the_whole_triad_of_metrics()
    {
        // Answer relevance, context relevance per retrieved segment and groundedness per statement, graded offline by
        // the similarity judge: every kind of judge outcome a part file carries.
        var golden = SampleGolden.CopyTo(temp);
        Edit(Path.Combine(golden, "gate.json"), node => node["judge"]!["metrics"] = JsonNode.Parse("""
            {
              "answer-relevance": { "mean": 0.05, "floor": 0.5 },
              "context-relevance": { "score": 0.0, "mean": 0.05, "floor": 0.2 },
              "groundedness": { "score": 0.0, "mean": 0.05, "floor": 0.4, "unsupportedBelow": 0.5, "minWords": 4 }
            }
            """));
        var whole = await CliRun.RunAsync(Environment, "run", "--golden", golden, "--judge", "similarity", "--out", temp.Combine("whole"));
        Assert.True(whole.ExitCode is 0 or 1, whole.ToString());
        var expected = JsonNode.Parse(File.ReadAllText(temp.Combine("whole", "gate-report.json")))!;
        var graded = expected["questions"]![0]!["metrics"]!.AsArray().Select(m => (string?)m!["name"]).ToList();
        Assert.Equal(["answer-relevance", "context-relevance", "groundedness"], graded);
        var outcomes = expected["questions"]!.AsArray().SelectMany(q => q!["metrics"]!.AsArray())
            .Where(m => (string?)m!["outcome"] == "graded").Select(m => (string?)m!["name"]).Distinct();
        Assert.Equal(graded, outcomes.Order(StringComparer.Ordinal));

        var parts = new List<string>();
        for (var index = 1; index <= 2; index++)
        {
            var part = temp.Combine("triad-parts", $"{index}");
            var shard = await CliRun.RunAsync(Environment, "run", "--golden", golden, "--judge", "similarity", "--shard", $"{index}/2", "--out", part);
            Assert.True(shard.ExitCode is 0 or 1, shard.ToString());
            parts.Add(part);
        }
        var merged = await CliRun.RunAsync(Environment, ["merge", .. parts, "--golden", golden, "--out", temp.Combine("merged")]);

        Assert.Equal(whole.ExitCode, merged.ExitCode);
        var differences = new List<string>();
        Compare(expected, JsonNode.Parse(File.ReadAllText(temp.Combine("merged", "gate-report.json"))), "", differences);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>Timings and the received snapshot count (shards write their own) may differ; numbers within 1e-9.</summary>
    static readonly string[] Ignored = [".elapsedSeconds", ".counts.receivedSnapshots"];

    static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        if (Ignored.Contains(path)) return;
        switch (expected)
        {
            case null:
                if (actual is not null) differences.Add($"{path}: expected null, got {actual.ToJsonString()}");
                return;
            case JsonObject o when actual is JsonObject a:
                if (!o.Select(p => p.Key).SequenceEqual(a.Select(p => p.Key)))
                    differences.Add($"{path}: fields {string.Join(",", o.Select(p => p.Key))} vs {string.Join(",", a.Select(p => p.Key))}");
                foreach (var (name, value) in o) Compare(value, a[name], $"{path}.{name}", differences);
                return;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count) differences.Add($"{path}: {e.Count} elements vs {a.Count}");
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++) Compare(e[i], a[i], $"{path}[{i}]", differences);
                return;
            case JsonValue v when actual is JsonValue a && v.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                if (Math.Abs((double)v - (double)a) > 1e-9) differences.Add($"{path}: {v} vs {a}");
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual)) differences.Add($"{path}: {expected.ToJsonString()} vs {actual?.ToJsonString() ?? "null"}");
                return;
        }
    }

    [Fact]
    public async Task A_shards_reports_list_only_its_questions_say_they_are_partial_and_gate_no_aggregate()
    {
        var golden = FailingGolden();
        var outDirectory = temp.Combine("part");

        var outcome = await CliRun.RunAsync(Environment, "run", "--golden", golden, "--shard", "2/3", "--out", outDirectory);

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDirectory, "gate-report.json")))!;
        var ids = report["questions"]!.AsArray().Select(q => (string)q!["id"]!).ToList();
        var all = File.ReadLines(Path.Combine(golden, "questions.jsonl")).Select(l => (string)JsonNode.Parse(l)!["id"]!).ToList();
        Assert.Equal(all.Where(id => Shard.IndexOf(id, 3) == 2), ids);
        Assert.InRange(ids.Count, 1, all.Count - 1);
        Assert.Equal("2/3", (string?)report["shard"]);
        Assert.StartsWith("RegressionGate shard 2/3 (partial", (string)report["headline"]!);
        Assert.StartsWith("## ❌ RegressionGate shard 2/3 (partial", File.ReadAllText(Path.Combine(outDirectory, "gate-report.md")));
        // The recall baseline was raised to fail the set's aggregates; a slice never gates them.
        Assert.True((bool)report["aggregates"]!["passed"]!);
        Assert.False(File.Exists(Path.Combine(golden, "snapshots", "summary", "gate.received.json")));
        Assert.Equal(ids.Contains("105") || ids.Contains("201") ? 1 : 0, outcome.ExitCode);
        Assert.Contains("gate shard 2/3 (partial)", outcome.Out);
        Assert.True(File.Exists(Path.Combine(outDirectory, "gate-part.json")));
    }

    [Fact]
    public void The_partition_is_stable_and_covers_every_id_once()
    {
        // Pinned values (computed outside .NET, with Python's hashlib): runners of a CI matrix, and versions of the
        // tool, must agree on where an id goes.
        Assert.Equal(2, Shard.IndexOf("105", 3));
        Assert.Equal(4, Shard.IndexOf("201", 4));
        Assert.Equal(1, Shard.IndexOf("q-km", 4));
        var ids = Enumerable.Range(0, 1000).Select(i => $"q{i}").ToList();
        for (var count = 1; count <= 5; count++)
        {
            var slices = Enumerable.Range(1, count).Select(i => new Shard(i, count).Slice(ids, id => id)).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), slices.SelectMany(s => s).Order(StringComparer.Ordinal));
            Assert.All(slices, s => Assert.InRange(s.Count, 1000 / count - 100, 1000 / count + 100));
        }
        Assert.Null(Shard.TryParse("0/3", out var error));
        Assert.Contains("between 1 and 3", error);
        Assert.Null(Shard.TryParse("2", out error));
        Assert.Contains("is not I/N", error);
    }
}
