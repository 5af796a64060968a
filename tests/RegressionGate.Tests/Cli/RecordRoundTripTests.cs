using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Tests.Records;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// A team starts a golden set from its evaluation records and exports records back for annotation: through the
/// product, importing the seed record and exporting it reproduces the record's text.
/// </summary>
public sealed class RecordRoundTripTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>An empty golden set whose retriever replays recorded rankings, as a team starting from records would set it up.</summary>
    string GoldenGatingRecordedRankings()
    {
        temp.Write("golden/gate.json", """
            {
              "retriever": { "kind": "run-file" },
              "judge": { "model": "gpt-4o-mini" }
            }
            """);
        return temp.Combine("golden");
    }

    [Fact]
    public async Task Importing_the_seed_then_exporting_with_the_recorded_ranking_reproduces_the_seed_byte_for_byte()
    {
        var golden = GoldenGatingRecordedRankings();

        var import = await CliRun.RunAsync("import", Seed.Path, "--golden", golden);
        Assert.True(import.ExitCode == 0, import.ToString());
        var export = await CliRun.RunAsync("export", "--golden", golden, "--out", temp.Combine("records"));
        Assert.True(export.ExitCode == 0, export.ToString());

        var exported = Assert.Single(Directory.GetFiles(temp.Combine("records")));
        Assert.Equal(Seed.Text.TrimEnd('\n'), File.ReadAllText(exported).TrimEnd('\n'));
    }

    [Fact]
    public async Task The_gate_on_an_imported_record_replays_its_judgment_and_snapshots_its_recorded_ranking()
    {
        var golden = GoldenGatingRecordedRankings();
        await CliRun.RunAsync("import", Seed.Path, "--golden", golden);

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["REGRESSIONGATE_AUTO_APPROVE"] = "1" },
            "run", "--golden", golden, "--out", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var judge = File.ReadAllText(Path.Combine(golden, "snapshots", "judge", "105.verified.json"));
        Assert.Contains("\"score\": 2.000000", judge);
        Assert.Contains("\"normalised\": 0.666667", judge);
        Assert.Contains("\"automated\": \"P\"", judge);
        Assert.Contains("\"manual\": \"C\"", judge);
        var retrieval = File.ReadAllText(Path.Combine(golden, "snapshots", "retrieval", "105.verified.json"));
        Assert.Contains("\"kind\": \"run-file\"", retrieval);
        Assert.Contains("{ \"rank\": 1, \"id\": \"3027\", \"score\": 0.853590", retrieval);
    }

    [Fact]
    public async Task Records_exported_for_annotation_and_imported_back_update_the_manual_label_and_keep_recording_provenance()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: "answer-relevance");
        var store = new RecordingStore(Path.Combine(golden, "recordings"));
        foreach (var question in GoldenSetLoader.Load(golden).Questions)
        {
            var request = AnswerRelevanceJudge.Request(question.Text, question.Answer!);
            store.WriteAuthored("gpt-4o-mini", request.Messages, request.Options,
                "Criteria: covers the question. Supporting Evidence: it does.  Score: 3", "written for this test");
        }
        var recordings = SampleGolden.Fingerprint(Path.Combine(golden, "recordings"));
        var export = await CliRun.RunAsync("export", "--golden", golden, "--out", temp.Combine("to-annotate"));
        Assert.True(export.ExitCode == 0, export.ToString());

        var record = Directory.GetFiles(temp.Combine("to-annotate")).Single(f => File.ReadAllText(f).StartsWith("**Pergunta q-km**", StringComparison.Ordinal));
        File.WriteAllText(record, File.ReadAllText(record).Replace("**Anotação manual**: C", "**Anotação manual**: I", StringComparison.Ordinal));
        var import = await CliRun.RunAsync(["import", .. Directory.GetFiles(temp.Combine("to-annotate")), "--golden", golden]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("questions: 0 added, 1 updated, 2 unchanged", import.Out);
        var labels = GoldenSetLoader.Load(golden).Questions.ToDictionary(q => q.Id, q => q.Manual);
        Assert.Equal(Label.I, labels["q-km"]);
        Assert.Equal(Label.C, labels["105"]);
        Assert.Equal(recordings, SampleGolden.Fingerprint(Path.Combine(golden, "recordings")));
    }
}
