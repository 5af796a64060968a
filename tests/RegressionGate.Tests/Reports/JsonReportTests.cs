using System.Text.Json;
using System.Text.RegularExpressions;
using RegressionGate.Reports;
using RegressionGate.Environments;

namespace RegressionGate.Tests.Reports;

public sealed class JsonReportTests
{
    const string GoldenDir = "/work/golden";

    static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    static JsonElement QuestionOf(JsonElement report, string id) =>
        report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == id);

    [Fact]
    public void The_report_names_its_schema_verdict_and_counts()
    {
        var report = Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir)));

        Assert.Equal("regression-gate/report/v2", report.GetProperty("schema").GetString());
        Assert.Equal("failed", report.GetProperty("verdict").GetString());
        Assert.Equal("RegressionGate failed: 3 of 5 questions failed; 1 aggregate check failed", report.GetProperty("headline").GetString());
        var counts = report.GetProperty("counts");
        Assert.Equal(5, counts.GetProperty("questions").GetInt32());
        Assert.Equal(3, counts.GetProperty("failedQuestions").GetInt32());
        Assert.Equal(1, counts.GetProperty("retrievalFailures").GetInt32());
        Assert.Equal(3, counts.GetProperty("judged").GetInt32());
        Assert.Equal(1, counts.GetProperty("judgeFailures").GetInt32());
        Assert.Equal(2, counts.GetProperty("judgmentFailures").GetInt32());
        Assert.Equal(2, counts.GetProperty("disagreements").GetInt32());
        Assert.Equal(["105", "201", "202"], report.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["201", "203"], report.GetProperty("disagreements").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_ranking_carries_each_segments_baseline_rank_and_the_segments_that_dropped_out()
    {
        var report = Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir)));

        var retrieval = QuestionOf(report, "105").GetProperty("retrieval");
        Assert.False(retrieval.GetProperty("passed").GetBoolean());
        Assert.Equal("segment 3027 fell from rank 1 to 7", retrieval.GetProperty("failures")[1].GetString());
        var ranking = retrieval.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(10, ranking.Count);
        Assert.Equal(("s3", 1, 3), (ranking[0].GetProperty("id").GetString(), ranking[0].GetProperty("rank").GetInt32(), ranking[0].GetProperty("baselineRank").GetInt32()));
        Assert.Equal(0.85, ranking[0].GetProperty("score").GetDouble());
        Assert.Equal(0.83, ranking[0].GetProperty("baselineScore").GetDouble());
        Assert.Equal(JsonValueKind.Null, ranking[2].GetProperty("baselineRank").ValueKind); // s11 entered
        var dropped = retrieval.GetProperty("dropped").EnumerateArray().Select(d => (d.GetProperty("id").GetString(), d.GetProperty("baselineRank").GetInt32()));
        Assert.Equal([("s2", 2), ("s10", 10)], dropped);
        Assert.Equal(0.5, retrieval.GetProperty("recall").GetDouble());
        Assert.True(retrieval.GetProperty("overlap").GetDouble() < 0.9);
        Assert.EndsWith("snapshots/retrieval/105.received.json", retrieval.GetProperty("receivedPath").GetString());
    }

    [Fact]
    public void A_judgment_holds_score_labels_and_both_reasonings()
    {
        var report = Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir)));

        var judgment = QuestionOf(report, "201").GetProperty("judgment");
        Assert.Equal("judged", judgment.GetProperty("outcome").GetString());
        Assert.Equal(2, judgment.GetProperty("score").GetInt32());
        Assert.Equal(2.0 / 3, judgment.GetProperty("normalised").GetDouble());
        Assert.Equal("P", judgment.GetProperty("automated").GetString());
        Assert.False(judgment.GetProperty("agreesWithManual").GetBoolean());
        Assert.Equal(Scenarios.CurrentReasoning, judgment.GetProperty("reasoning").GetString());
        Assert.Equal(Scenarios.VerifiedReasoning, judgment.GetProperty("baseline").GetProperty("reasoning").GetString());
        Assert.Equal("C", judgment.GetProperty("baseline").GetProperty("automated").GetString());
        Assert.StartsWith("AR 1.00 → 0.67, label C → P", judgment.GetProperty("failures")[0].GetString());
    }

    [Fact]
    public void A_judge_failure_says_why_and_has_no_score()
    {
        var report = Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir)));

        var judgment = QuestionOf(report, "202").GetProperty("judgment");
        Assert.Equal("failed", judgment.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, judgment.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, judgment.GetProperty("agreesWithManual").ValueKind);
        Assert.Equal("missingRecording", judgment.GetProperty("failure").GetProperty("kind").GetString());
        Assert.Equal("ab12cd34", judgment.GetProperty("failure").GetProperty("recordingKey").GetString());
        Assert.Equal(JsonValueKind.Null, QuestionOf(report, "204").GetProperty("judgment").ValueKind);
    }

    [Fact]
    public void Aggregates_carry_baseline_current_delta_interval_and_status()
    {
        var result = Scenarios.FailingRun(GoldenDir);

        var aggregates = Parse(JsonReport.Render(result)).GetProperty("aggregates");

        Assert.False(aggregates.GetProperty("passed").GetBoolean());
        var metrics = aggregates.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(["recall", "mrr", "ndcg", "accuracy", "kappa", "linearKappa", "quadraticKappa"], metrics.Select(m => m.GetProperty("key").GetString()));
        var recall = metrics[0];
        Assert.Equal(0.95, recall.GetProperty("baseline").GetDouble());
        Assert.Equal(0.875, recall.GetProperty("current").GetDouble());
        Assert.Equal(0.875 - 0.95, recall.GetProperty("delta").GetDouble(), 12);
        Assert.Equal(result.RetrievalIntervals!.Recall.Low, recall.GetProperty("low").GetDouble());
        Assert.Equal("belowBaseline", recall.GetProperty("status").GetString());
        Assert.True(recall.GetProperty("failed").GetBoolean());
        Assert.Equal("ok", metrics[1].GetProperty("status").GetString());
        var agreement = Parse(JsonReport.Render(result)).GetProperty("agreement");
        Assert.Equal("[[0,0,1],[0,0,0],[0,1,1]]", JsonSerializer.Serialize(agreement.GetProperty("matrix")));
    }

    [Fact]
    public void Recordings_are_counted_by_provenance_and_approval_names_its_commands()
    {
        var report = Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir)));

        var recordings = report.GetProperty("recordings");
        Assert.Equal(2, recordings.GetProperty("authored").GetInt32());
        Assert.Equal(1, recordings.GetProperty("recorded").GetInt32());
        var approval = report.GetProperty("approval");
        Assert.True(approval.GetProperty("needed").GetBoolean());
        Assert.Equal(ToolCommand.Current.With("approve --golden /work/golden"), approval.GetProperty("command").GetString());
        Assert.Equal(["snapshots/retrieval/105.received.json", "snapshots/judge/201.received.json", "snapshots/summary/gate.received.json"],
            approval.GetProperty("receivedSnapshots").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("dense", report.GetProperty("retriever").GetProperty("kind").GetString());
        Assert.Equal("ar-v1", report.GetProperty("judge").GetProperty("promptVersion").GetString());
    }

    [Fact]
    public void Identity_values_are_typed_numbers_as_numbers_and_hashes_as_strings()
    {
        var report = Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir)));

        var retriever = report.GetProperty("retriever");
        Assert.Equal(JsonValueKind.Number, retriever.GetProperty("k").ValueKind);
        Assert.Equal(10, retriever.GetProperty("k").GetInt32());
        Assert.Equal("dense", retriever.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.String, retriever.GetProperty("modelSha256").ValueKind);
    }

    [Fact]
    public void Causes_list_the_questions_and_checks_they_explain_and_each_question_names_its_causes()
    {
        var report = Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir)));

        var causes = report.GetProperty("causes").EnumerateArray().ToList();
        var missing = causes.Single(c => c.GetProperty("kind").GetString() == "judgeFailed");
        Assert.Equal(["202"], missing.GetProperty("questions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["judgment"], missing.GetProperty("checks").EnumerateArray().Select(e => e.GetString()));
        var question = report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "202");
        Assert.Equal([missing.GetProperty("description").GetString()], question.GetProperty("causes").EnumerateArray().Select(e => e.GetString()));
        var passing = report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "203");
        Assert.Empty(passing.GetProperty("causes").EnumerateArray());
    }

    [Fact]
    public void A_delta_below_the_snapshot_precision_is_0()
    {
        var result = new GateResultBuilder(GoldenDir).Question("1")
            .SummaryBaseline(current => current with { Retrieval = current.Retrieval! with { Mrr = current.Retrieval.Mrr - 4e-7 } })
            .Build();

        var mrr = Parse(JsonReport.Render(result)).GetProperty("aggregates").GetProperty("metrics").EnumerateArray()
            .Single(m => m.GetProperty("key").GetString() == "mrr");

        Assert.Equal(0, mrr.GetProperty("delta").GetDouble());
        Assert.Equal("0", mrr.GetProperty("delta").GetRawText());
    }

    [Fact]
    public void Every_field_written_is_documented_and_every_documented_field_is_written()
    {
        var documented = DocumentedFields();
        var written = new SortedSet<string>(StringComparer.Ordinal);
        Collect(Parse(JsonReport.Render(Scenarios.FailingRun(GoldenDir))), "", documented, written);
        Collect(Parse(JsonReport.Render(Scenarios.TriadRun(GoldenDir))), "", documented, written);

        Assert.Equal(documented, written);
    }

    [Fact]
    public void The_same_fields_are_written_whatever_is_missing()
    {
        var documented = DocumentedFields();
        var written = new SortedSet<string>(StringComparer.Ordinal);
        Collect(Parse(JsonReport.Render(Scenarios.NothingToCompare(GoldenDir))), "", documented, written);

        // Without a judge, agreement or received snapshots, only what hangs below a null or an empty array is absent.
        Assert.Empty(written.Except(documented));
        Assert.All(documented.Except(written), missing =>
            Assert.Matches(@"^(judge\.\*|agreement\..*|causes\[\]\..*|aggregates\.(failures|notes)|approval\.\w+|questions\[\]\.judgment\..*|failing|disagreements|questions\[\]\.retrieval\.dropped\[\]\..*|questions\[\]\.relevant|metrics\[\]\..*|questions\[\]\.(metrics\[\]|answerUnderTest)\..*)$", missing));
    }

    /// <summary>The field paths of README.md's schema table.</summary>
    static SortedSet<string> DocumentedFields()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "src", "RegressionGate", "Reports", "README.md"));
        var schema = readme[readme.IndexOf("## gate-report.json", StringComparison.Ordinal)..];
        var fields = Regex.Matches(schema, @"^\| `([^`]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        return new SortedSet<string>(fields, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every property path under <paramref name="element"/>: arrays add <c>[]</c> and are walked into when they hold
    /// objects; an object documented as a map (<c>path.*</c>) contributes <c>path.*</c> for its keys.
    /// </summary>
    static void Collect(JsonElement element, string path, ISet<string> documented, ISet<string> written)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (documented.Contains(path + ".*"))
                {
                    if (element.EnumerateObject().Any()) written.Add(path + ".*");
                    return;
                }
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    written.Add(child);
                    Collect(property.Value, child, documented, written);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object) Collect(item, path + "[]", documented, written);
                break;
        }
    }
}
