using System.Globalization;
using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Gate;

/// <summary>
/// The gate run on a copy of the sample golden set, with the real model and replayed judgments: it passes untouched,
/// catches a damaged segment and a changed retriever with messages that say what moved, and passes again once the
/// change is approved.
/// </summary>
[Collection(SampleEmbeddings.Collection)]
public sealed class GateProvesItselfTests : IDisposable
{
    readonly TempDirectory temp = new();
    readonly string golden;
    readonly GateRunOptions noAutoApproval;

    public GateProvesItselfTests(SampleEmbeddings embeddings)
    {
        golden = SampleGolden.CopyTo(temp);
        noAutoApproval = new GateRunOptions
        {
            Environment = EnvironmentVariables.From(new Dictionary<string, string> { ["REGRESSIONGATE_CACHE"] = embeddings.Cache.Path }),
        };
    }

    public void Dispose() => temp.Dispose();

    Task<GateResult> Run() => GateRunner.RunAsync(GateInput.Load(golden), noAutoApproval);

    [Fact]
    public async Task An_untouched_run_passes_and_leaves_every_verified_file_byte_identical()
    {
        var before = SampleGolden.Fingerprint(golden);

        var result = await Run();

        Assert.True(result.Passed, Failures(result));
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.Empty(Directory.EnumerateFiles(golden, "*.received.json", SearchOption.AllDirectories));

        // Question 105 is the real record: its replayed judgment must say what the record says.
        var seed = Assert.IsType<Judgment>(result.For("105").Judged);
        Assert.Equal((2, "0.67", Label.P), (seed.Score, seed.Normalised.ToString("0.00", CultureInfo.InvariantCulture), seed.Label));
        Assert.Equal(Label.C, result.For("105").Question.Manual);
    }

    [Fact]
    public async Task Replacing_the_top_segment_with_unrelated_text_fails_that_question_naming_the_segment_and_its_ranks()
    {
        var question = "105";
        var top = SnapshotKinds.Retrieval.ReadFile(Path.Combine(golden, "snapshots", "retrieval", $"{question}.verified.json")).Ranking[0].Id;
        ReplaceSegmentText(top, "receita de bolo de cenoura com cobertura de chocolate: bata os ovos, o óleo e as cenouras no liquidificador");

        var result = await Run();

        var failed = result.For(question);
        Assert.False(failed.Retrieval.Passed);
        var message = failed.Retrieval.ToString();
        Assert.Matches($"segment {top} (★ )?(fell from rank 1 to \\d+|left the top 10 \\(was rank 1\\))", message);
        // The sample's verified rankings keep each segment's text hash, so the run names the edit as the cause.
        var cause = Assert.Single(result.Causes, c => c.Affects(question));
        Assert.Equal($"segment {top} text changed", cause.Description);
        Assert.All(cause.QuestionIds, id => Assert.False(result.For(id).Retrieval.Passed));
        Assert.True(File.Exists(failed.Retrieval.ReceivedPath), "a received snapshot is written beside the verified one");
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task Halving_max_tokens_fails_every_row_as_retriever_changed_then_approval_makes_it_pass()
    {
        var settings = Path.Combine(golden, GoldenSet.SettingsFile);
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"maxTokens\": 512", "\"maxTokens\": 256", StringComparison.Ordinal));

        var changed = await Run();

        const string expected = "retriever changed: maxTokens '512' → '256'";
        var missed = changed.Questions
            .Where(q => q.Retrieval.Passed || !q.Retrieval.ToString().Contains(expected, StringComparison.Ordinal))
            .Select(q => $"question {q.Question.Id}: {(q.Retrieval.Passed ? "retrieval passed" : q.Retrieval.ToString().Split('\n')[0])}")
            .ToList();
        Assert.True(missed.Count == 0, $"{missed.Count} of {changed.Questions.Count} rows did not fail with \"{expected}\":\n{string.Join("\n", missed.Take(5))}");

        var approved = SnapshotApprover.For(changed.Golden, changed.Settings.Tolerances).Approve();
        Assert.All(approved, entry => Assert.True(entry.Applied, entry.ToString()));
        Assert.Contains(approved, entry => entry.Stage == SnapshotStages.Retrieval);

        var rerun = await Run();

        Assert.True(rerun.Passed, Failures(rerun));
        Assert.Empty(Directory.EnumerateFiles(golden, "*.received.json", SearchOption.AllDirectories));
    }

    /// <summary>Why a run failed, in the words a theory row would use: each failing check of each question, then the aggregates.</summary>
    static string Failures(GateResult result) => string.Join("\n", result.Failing
        .SelectMany(q => new[] { ("retrieval", q.Retrieval), ("judgment", q.Judgment) }
            .Where(check => check.Item2 is { Passed: false })
            .Select(check => $"question {q.Question.Id} {check.Item1}: {check.Item2}"))
        .Append(result.SummaryVerdict.Passed ? "aggregates ok" : $"aggregates: {result.SummaryVerdict}"));

    void ReplaceSegmentText(string id, string text)
    {
        var corpus = Path.Combine(golden, GoldenSet.CorpusFile);
        var lines = File.ReadAllLines(corpus).Select(line =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(line)!;
            if ((string?)node["id"] == id) node["text"] = text;
            return node.ToJsonString();
        });
        File.WriteAllLines(corpus, lines);
    }
}
