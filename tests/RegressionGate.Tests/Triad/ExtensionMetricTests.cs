using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Reports;
using RegressionGate.Snapshots;
using RegressionGate.Tests.Llm;

namespace RegressionGate.Tests.Triad;

/// <summary>
/// A metric of one's own takes its own files plus one registration: its snapshot stage, theory rows, aggregate and
/// report rows follow. Any Microsoft.Extensions.AI.Evaluation evaluator returning a number can be gated the same way.
/// </summary>
public sealed class ExtensionMetricTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A fourth rubric metric, as an extension writes it: whether the answer is concise.</summary>
    sealed class ConcisenessMetric : RubricMetric
    {
        public const string System = "You grade CONCISENESS of a RESPONSE, 0 to 3. Reply as Criteria: … Supporting Evidence: … Score: N";

        public static MetricProvider Provider { get; } = new("conciseness", "whether the answer says it in few words", section =>
        {
            section.RejectUnknown([.. MetricRules.Fields(perQuestion: true)]);
            return new ConcisenessMetric { Rules = section.Rules() };
        });

        public override string Name => "conciseness";
        public override string Title => "Conciseness";
        public override string Abbreviation => "C";
        public override MetricInputs Inputs => MetricInputs.Answer;
        public override UnitKind UnitKind => UnitKind.Answer;
        public override string PromptVersion => "conciseness-v1";
        public override IReadOnlyList<MetricUnit> Units(MetricSubject subject) => [new("answer", subject.Answer!)];
        public override IReadOnlyList<ChatMessage> Messages(MetricSubject subject, MetricUnit unit) =>
            [new(ChatRole.System, System), new(ChatRole.User, unit.Text)];
        public override (string Query, IReadOnlyList<string> Passages) SimilarityTexts(MetricSubject subject, MetricUnit unit) => (subject.Question, [unit.Text]);
    }

    /// <summary>An evaluator from elsewhere: scores fluency 1–5 from the answer's length, calling no model.</summary>
    sealed class FluencyEvaluator : IEvaluator
    {
        public IReadOnlyCollection<string> EvaluationMetricNames => ["Fluency"];

        public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
            IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
        {
            var value = modelResponse.Text.Length > 100 ? 4.0 : 2.0;
            return ValueTask.FromResult(new EvaluationResult(new NumericMetric("Fluency", value, $"{modelResponse.Text.Length} characters")));
        }
    }

    static readonly EvaluatorMetric Fluency = new("fluency", new FluencyEvaluator(), "Fluency", 1, 5);

    static MetricRegistry Registry => MetricRegistry.BuiltIn.With(ConcisenessMetric.Provider).With(EvaluatorMetric.Provider(Fluency));

    [Fact]
    public async Task A_registered_rubric_metric_and_a_gated_evaluator_get_their_snapshots_aggregates_and_report_rows()
    {
        var golden = TriadGolden.Write(temp, metrics: """{ "answer-relevance": {}, "conciseness": { "floor": 0.5 }, "fluency": {} }""");
        await using var server = await LoopbackOpenAIServer.StartAsync(r => r.Message("system") == ConcisenessMetric.System
            ? Reply.Completion("Criteria: few words.\nSupporting Evidence: one sentence.\nScore: 1")
            : Reply.Completion("Criteria: all.\nSupporting Evidence: all.\nScore: 3"));
        var input = GateInput.Load(golden, metrics: Registry);

        var result = await GateRunner.RunAsync(input, new GateRunOptions
        {
            LlmMode = RecordingMode.Record,
            Environment = EnvironmentVariables.From(TestEnvironments.Azure(server.BaseAddress).ToDictionary(p => p.Key, p => p.Value!)),
            Warning = _ => { },
        });

        Assert.Equal(["answer-relevance", "conciseness", "fluency"], result.MetricJudges.Select(j => j.Metric.Name));
        Assert.Equal(["retrieval", "answers", "judge", "context-relevance", "groundedness", "conciseness", "fluency", "summary"], input.SnapshotStore().Stages);
        var question = result.For("105");
        Assert.Equal(1.0 / 3, question.Metric("conciseness")!.Score!.Value, 9);
        // The seed's answer is long: fluency 4 of 1–5 is 0.75.
        Assert.Equal(0.75, question.Metric("fluency")!.Score!.Value, 9);
        Assert.True(File.Exists(Path.Combine(golden, "snapshots", "conciseness", "105.received.json")));
        Assert.True(File.Exists(Path.Combine(golden, "snapshots", "fluency", "105.received.json")));
        Assert.Equal(3, result.Summary.Metric("conciseness")!.Questions);

        var rows = AggregateRow.From(result);
        var conciseness = Assert.Single(rows, r => r.Key == "conciseness");
        Assert.Equal(AggregateStatus.BelowFloor, conciseness.Status);
        Assert.Contains(result.SummaryVerdict.Failures, f => f.StartsWith("mean conciseness: current 0.3333 is below the floor 0.5", StringComparison.Ordinal));
        Assert.Contains("| question | AR | C | Fluency | changes |", MarkdownReport.Render(result));

        // Approval knows the new stages too.
        var approved = new SnapshotApprover(input.SnapshotStore(), input.Settings.Tolerances, input.Golden.Questions.Select(q => q.Id)).Approve(new ApprovalOptions { Stage = "fluency" });
        Assert.Equal(3, approved.Count);
        Assert.All(approved, entry => Assert.Equal(ApprovalAction.Created, entry.Action));
    }

    [Fact]
    public void A_metric_registered_twice_or_two_metrics_sharing_a_snapshot_folder_are_refused()
    {
        Assert.Contains("'conciseness' is registered twice", Assert.Throws<ArgumentException>(() => Registry.With(ConcisenessMetric.Provider)).Message);
        var clash = new MetricProvider("judge-again", "a metric writing where answer relevance does", _ => new EvaluatorMetric("judge", new FluencyEvaluator(), "Fluency", 1, 5));
        Assert.Contains("share the snapshot stage 'judge'", Assert.Throws<ArgumentException>(() => MetricRegistry.BuiltIn.With(clash)).Message);
    }
}
