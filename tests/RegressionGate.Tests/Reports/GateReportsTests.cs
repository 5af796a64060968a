using System.Text.Json;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Records;
using RegressionGate.Reports;

namespace RegressionGate.Tests.Reports;

[Collection(SampleEmbeddings.Collection)]
public sealed class GateReportsTests(SampleEmbeddings embeddings) : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Writing_puts_the_three_reports_a_records_folder_and_the_pull_request_comment_in_the_out_directory()
    {
        var result = Scenarios.FailingRun(temp.Combine("golden"));
        var outDirectory = temp.Combine("artifacts", "gate");

        var written = GateReports.Write(result, outDirectory);

        Assert.Equal(
            [Path.Combine(outDirectory, "gate-report.md"), Path.Combine(outDirectory, "gate-report.json"),
             Path.Combine(outDirectory, "gate-report.html"), Path.Combine(outDirectory, "records"), Path.Combine(outDirectory, "gate-comment.md")],
            written);
        Assert.StartsWith(PullRequestComment.Marker + "\n## ❌ RegressionGate failed", File.ReadAllText(written[4]));
        Assert.StartsWith("## ❌ RegressionGate failed", File.ReadAllText(written[0]));
        Assert.Equal("failed", JsonDocument.Parse(File.ReadAllText(written[1])).RootElement.GetProperty("verdict").GetString());
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(written[2]));
        Assert.Empty(Directory.EnumerateFiles(outDirectory, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories));
    }

    [Fact]
    public void Each_question_gets_a_record_in_the_seeds_layout_with_this_runs_judgment()
    {
        var result = Scenarios.FailingRun(temp.Combine("golden"));

        GateReports.Write(result, temp.Combine("out"));

        var records = Directory.GetFiles(temp.Combine("out", "records")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, records.Count);
        var parsed = records.Select(path => Assert.Single(RecordParser.ReadFile(path)).Record).ToList();
        Assert.Equal(["105", "201", "202", "203", "204"], parsed.Select(r => r.QuestionId));
        var flipped = parsed[1];
        Assert.Equal(0.67, flipped.AnswerRelevance);
        Assert.Equal(Label.P, flipped.Automated);
        Assert.Equal(Label.C, flipped.Manual);
        Assert.Equal(Scenarios.CurrentReasoning, flipped.Reasoning);
        Assert.Equal(["s3", "s1", "s11", "s4", "s5", "s6", "s7", "s8", "s9", "s12"], parsed[0].Segments.Select(s => s.CorpusId));
        Assert.StartsWith("(no judgment: no recording for this request", parsed[2].Reasoning);
        Assert.Null(parsed[4].AnswerRelevance);
    }

    [Fact]
    public void A_gate_results_records_are_byte_for_byte_what_export_writes_for_the_same_run()
    {
        var result = Scenarios.FailingRun(temp.Combine("golden"));
        var evaluation = new GateEvaluation(
            result.Input, result.Retriever, result.Judge, result.LlmMode,
            result.Questions.ToDictionary(q => q.Question.Id, q => q.Ranking),
            result.Questions.Where(q => q.Judged is not null).ToDictionary(q => q.Question.Id, q => q.Judged!),
            result.Recordings, result.Elapsed);

        var fromReports = RecordsReport.Write(result, temp.Combine("reports"));
        var fromExport = EvaluationExport.Write(evaluation, temp.Combine("export"));

        Assert.Equal(fromExport.Select(Path.GetFileName), fromReports.Select(Path.GetFileName));
        Assert.All(fromReports.Zip(fromExport), pair => Assert.Equal(File.ReadAllBytes(pair.Second), File.ReadAllBytes(pair.First)));
    }

    [Fact]
    public void Records_of_questions_no_longer_in_the_golden_set_are_removed_and_other_files_kept()
    {
        var records = temp.Combine("out", "records");
        var stale = temp.Write("out/records/099_0123456789abcdef.txt", "**Pergunta 999**: velha\n");
        var notes = temp.Write("out/records/notes.txt", "mine");

        GateReports.Write(Scenarios.FailingRun(temp.Combine("golden")), temp.Combine("out"));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(notes));
        Assert.Equal(6, Directory.GetFiles(records).Length);
    }

    [Fact]
    public async Task The_sample_golden_set_passes_and_reports_every_question()
    {
        var golden = SampleGolden.CopyTo(temp);

        var result = await GateRunner.RunAsync(GateInput.Load(golden), new GateRunOptions { Environment = new CacheOnly(embeddings.Cache.Path) });
        var written = GateReports.Write(result, temp.Combine("out"));

        var count = result.Golden.Questions.Count;
        Assert.Equal($"## ✅ RegressionGate passed: {count} questions", File.ReadLines(written[0]).First());
        var report = JsonDocument.Parse(File.ReadAllText(written[1])).RootElement;
        Assert.Equal(count, report.GetProperty("questions").GetArrayLength());
        Assert.True(report.GetProperty("recordings").GetProperty("authored").GetInt32() > 0);
        Assert.Equal(count, Directory.GetFiles(written[3]).Length);
    }

    /// <summary>No CI, no auto-approval, no LLM configuration (replay from the sample's recordings only); the shared embedding cache.</summary>
    sealed class CacheOnly(string cache) : RegressionGate.Environments.IEnvironmentVariables
    {
        public string? Get(string name) => name == RegressionGate.Retrieval.Embedding.EmbeddingCache.EnvironmentVariable ? cache : null;
    }
}
