using System.Text.Json.Nodes;
using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Reports;
using RegressionGate.Judging;
using RegressionGate.Snapshots;
using RegressionGate.Tests.Triad;
using RegressionGate.Xunit;
using Xunit.Sdk;

namespace RegressionGate.Tests.XunitPackage;

/// <summary>The xUnit adapter over real golden sets in temp directories: what each row says when it passes, regresses or can't run.</summary>
public sealed class GoldenGateTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The fixture as a user with their own retriever kinds would derive it: here, to point it at a temp directory.</summary>
    sealed class GateOver(string golden, string reports, IEnvironmentVariables? environment = null) : GoldenGate
    {
        protected override GateInput Load() => GateInput.Load(golden);

        protected override string ReportDirectory => reports;

        protected override IEnvironmentVariables Environment => environment ?? base.Environment;
    }

    async Task<string> ApprovedGolden()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        var approve = EnvironmentVariables.From(new Dictionary<string, string> { [AutoApproval.Variable] = "1" });
        Assert.True((await GateRunner.RunAsync(GateInput.Load(golden), new GateRunOptions { Environment = approve })).Passed);
        return golden;
    }

    /// <summary>Segment 1009, relevant to question 105 (pooling), edited into a cake recipe: nothing a question asks about.</summary>
    static void TurnSegment1009IntoARecipe(string golden)
    {
        var corpus = Path.Combine(golden, GoldenSet.CorpusFile);
        File.WriteAllLines(corpus, File.ReadAllLines(corpus).Select(line =>
        {
            var segment = JsonNode.Parse(line)!;
            if ((string?)segment["id"] == "1009") segment["text"] = "Bata os ovos com o açúcar, junte a farinha e asse o bolo por quarenta minutos.";
            return segment.ToJsonString();
        }));
    }

    async Task<GoldenGate> Run(string golden)
    {
        var gate = new GateOver(golden, temp.Combine("reports"));
        await gate.InitializeAsync();
        return gate;
    }

    [Fact]
    public async Task A_golden_set_as_approved_passes_every_row_and_the_reports_are_written()
    {
        var gate = await Run(await ApprovedGolden());

        foreach (var question in gate.Result.Golden.Questions)
        {
            gate.AssertRetrieval(question.Id);
            gate.AssertJudgment(question.Id);
        }
        gate.AssertAggregates();
        Assert.True(File.Exists(temp.Combine("reports", GateReports.MarkdownFile)));
    }

    [Fact]
    public async Task A_question_whose_retrieval_regressed_fails_its_row_with_the_question_and_the_reasons()
    {
        var golden = await ApprovedGolden();
        TurnSegment1009IntoARecipe(golden);

        var gate = await Run(golden);

        var failure = Assert.ThrowsAny<XunitException>(() => gate.AssertRetrieval("105"));
        Assert.StartsWith("question 105 «Qual é o objetivo da camada de pooling em uma rede neural?»\n", failure.Message);
        Assert.Contains("segment 1009", failure.Message);
        Assert.Contains("received snapshot written to", failure.Message);
        gate.AssertJudgment("105");
    }

    [Fact]
    public async Task A_metric_row_fails_for_the_question_whose_segment_changed_naming_the_segment()
    {
        // The triad offline: the similarity judge grades every metric, so no recording is needed.
        var golden = TriadGolden.Write(temp, judge: SimilarityJudge.Kind);
        var approve = EnvironmentVariables.From(new Dictionary<string, string> { [AutoApproval.Variable] = "1" });
        Assert.True((await GateRunner.RunAsync(GateInput.Load(golden), new GateRunOptions { Environment = approve, Warning = _ => { } })).Passed);
        var approved = await Run(golden);
        foreach (var question in approved.Result.Golden.Questions)
            foreach (var metric in new[] { "answer-relevance", "context-relevance", "groundedness" })
                approved.AssertMetric(metric, question.Id);
        TurnSegment1009IntoARecipe(golden);

        var gate = await Run(golden);

        var failure = Assert.ThrowsAny<XunitException>(() => gate.AssertMetric("context-relevance", "105"));
        Assert.StartsWith("question 105 «Qual é o objetivo da camada de pooling em uma rede neural?»\n", failure.Message);
        Assert.Contains("CR ", failure.Message);
        Assert.Contains("segment 1009", failure.Message);
        Assert.Contains("metric 'fluency' is not in judge.metrics", Assert.ThrowsAny<XunitException>(() => gate.AssertMetric("fluency", "105")).Message);
    }

    [Fact]
    public void Metric_and_answer_rows_are_one_skipped_row_each_when_auto_approval_is_asked_for_in_CI()
    {
        var ci = EnvironmentVariables.From(new Dictionary<string, string> { [AutoApproval.Variable] = "1", [AutoApproval.CiVariable] = "true" });

        Assert.Equal([[GoldenRows.Refused, GoldenRows.Refused]], GoldenRows.Metrics(ci));
        Assert.Equal([[GoldenRows.Refused]], GoldenRows.ProducedAnswers(ci));
    }

    [Fact]
    public async Task A_golden_set_that_cannot_be_read_fails_every_row_naming_the_file_and_line()
    {
        var golden = TinyGolden.Write(temp);
        File.AppendAllText(Path.Combine(golden, GoldenSet.QuestionsFile), "{ \"id\": \"x\", \"text\": \"?\", \"manual\": \"X\" }\n");

        var gate = await Run(golden);

        foreach (var row in new Action[] { () => gate.AssertRetrieval("105"), () => gate.AssertJudgment("105") })
        {
            var failure = Assert.ThrowsAny<XunitException>(row);
            Assert.StartsWith("the gate did not run: ", failure.Message);
            Assert.Contains($"{GoldenSet.QuestionsFile}:4: field 'manual'", failure.Message);
        }
        Assert.False(Directory.Exists(temp.Combine("reports")));
    }

    [Fact]
    public async Task Auto_approval_asked_for_in_CI_fails_once_at_the_aggregates_and_skips_every_row_saying_why()
    {
        var golden = await ApprovedGolden();
        var before = SampleGolden.Fingerprint(golden);
        var ci = EnvironmentVariables.From(new Dictionary<string, string> { [AutoApproval.Variable] = "1", [AutoApproval.CiVariable] = "true" });

        var gate = new GateOver(golden, temp.Combine("reports"), ci);
        await gate.InitializeAsync();

        var failure = Assert.ThrowsAny<XunitException>(gate.AssertAggregates);
        Assert.Equal($"the gate did not run: {AutoApproval.RefusalMessage}", failure.Message);
        Assert.Equal([[GoldenRows.Refused]], GoldenRows.Where(_ => true, ci));
        Assert.Equal($"not run: {AutoApproval.RefusalMessage} The Aggregates test fails, saying so once.", GoldenRows.SkipReason(ci));
        Assert.Null(GoldenRows.SkipReason(EnvironmentVariables.From(new Dictionary<string, string> { [AutoApproval.CiVariable] = "true" })));
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
        Assert.False(Directory.Exists(temp.Combine("reports")));
    }

    [SkippableFact]
    public void Without_a_golden_directory_there_is_one_row_and_it_explains_instead_of_none()
    {
        Skip.If(Environment.GetEnvironmentVariable(GoldenLocation.GoldenVariable) is { Length: > 0 }, $"{GoldenLocation.GoldenVariable} is set for this run");
        var method = typeof(GoldenGateTests).GetMethod(nameof(Without_a_golden_directory_there_is_one_row_and_it_explains_instead_of_none))!;

        Assert.Equal([["(golden set unreadable)"]], new GoldenQuestionsAttribute().GetData(method));
        Assert.Equal([["(golden set unreadable)"]], new GoldenAnswersAttribute().GetData(method));
        Assert.Contains("RegressionGateGoldenDirectory", Assert.Throws<InvalidOperationException>(() => GoldenLocation.Directory).Message);
    }
}
