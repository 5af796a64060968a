using RegressionGate.Answers;
using RegressionGate.Files;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

/// <summary>Part-wise metric snapshots, answer snapshots and metric means in the summary: stable files, comparisons in words.</summary>
public sealed class MetricSnapshotTests
{
    static readonly GroundednessMetric Groundedness = new();
    static readonly MetricSnapshotKind Kind = new(Groundedness);
    static readonly JudgeIdentity Judge = Groundedness.Identity("gpt-4o-mini", 1);

    static PartSnapshot Statement(string id, string text, double score) =>
        new(id, text, score, score / 3, [score], score / 3 < 0.5, $"Criteria: c\nSupporting Evidence: e\nScore: {score}");

    static MetricSnapshot Snapshot(params PartSnapshot[] parts) =>
        new("105", Judge, parts.Length == 0 ? null : parts.Average(p => p.Normalised), parts);

    [Fact]
    public void A_metric_snapshot_is_written_in_a_fixed_order_with_fixed_decimals_and_reads_back_the_same()
    {
        var snapshot = Snapshot(Statement("s1", "O pooling reduz a resolução.", 3), Statement("s2", "Ele dobra os filtros.", 1));

        var text = Kind.Write(snapshot);

        Assert.StartsWith("{\n  \"questionId\": \"105\",\n  \"judge\": {\n    \"kind\": \"groundedness\",", text);
        Assert.Contains("\"score\": 0.666667,\n  \"parts\": [", text);
        Assert.Contains("\"text\": \"O pooling reduz a resolução.\",\n      \"score\": 3.000000,\n      \"normalised\": 1.000000,", text);
        Assert.Contains("\"flagged\": true,", text);
        Assert.Equal(text, Kind.Write(Kind.Read(text, "105.verified.json")));
        Assert.Equal("groundedness", Kind.Stage);
    }

    [Fact]
    public void A_hand_mangled_metric_snapshot_fails_naming_the_field()
    {
        var text = Kind.Write(Snapshot(Statement("s1", "O pooling reduz a resolução.", 3))).Replace("\"flagged\": false", "\"flagged\": \"no\"", StringComparison.Ordinal);

        var error = Assert.Throws<InputFileException>(() => Kind.Read(text, "105.verified.json"));

        Assert.Equal("parts[0].flagged", error.Field);
    }

    [Fact]
    public void A_moved_score_fails_saying_which_statement_moved_and_that_it_is_now_unsupported()
    {
        var verified = Snapshot(Statement("s1", "O pooling reduz a resolução.", 3), Statement("s2", "Ele reduz os parâmetros.", 3));
        var current = Snapshot(Statement("s1", "O pooling reduz a resolução.", 3), Statement("s2", "Ele reduz os parâmetros.", 1));

        var message = Assert.Single(new MetricComparer(Groundedness).Compare(verified, current));

        Assert.Equal("G 1.00 → 0.67 (tolerance 0)\nstatement «Ele reduz os parâmetros.» 1.00 → 0.33 (unsupported)", message);
    }

    [Fact]
    public void Statements_are_matched_by_their_words_so_an_added_one_reads_as_new_and_a_removed_one_as_gone()
    {
        var verified = Snapshot(Statement("s1", "O pooling reduz a resolução.", 3));
        var current = Snapshot(Statement("s1", "Primeiro vem a convolução.", 3), Statement("s2", "O pooling reduz a resolução.", 3));

        Assert.Empty(new MetricComparer(Groundedness).Compare(verified, current));
        Assert.Equal(["statement «Primeiro vem a convolução.» newly graded 1.00"], MetricComparer.PartChanges(Groundedness, verified, current));
        Assert.Equal(["statement «Primeiro vem a convolução.» no longer graded (was 1.00)"], MetricComparer.PartChanges(Groundedness, current, verified));
    }

    [Fact]
    public void Within_the_metrics_own_tolerance_a_move_passes_but_a_statement_becoming_unsupported_never_does()
    {
        var lenient = new GroundednessMetric { Rules = new MetricRules { Score = 0.5 } };
        var verified = Snapshot(Statement("s1", "A.", 3), Statement("s2", "B.", 2));
        var moved = Snapshot(Statement("s1", "A.", 2), Statement("s2", "B.", 2));
        var unsupported = Snapshot(Statement("s1", "A.", 3), Statement("s2", "B.", 1));

        Assert.Empty(new MetricComparer(lenient).Compare(verified, moved));
        Assert.Contains("(unsupported)", Assert.Single(new MetricComparer(lenient).Compare(verified, unsupported)));
    }

    [Fact]
    public void A_produced_answer_that_changed_fails_quoting_both_answers_and_its_references()
    {
        var source = new AnswerIdentity([new("kind", "generate"), new("model", "gpt-4o-mini")]);
        var verified = new AnswerSnapshot("105", source, "O pooling reduz a resolução [1].", ["1009", "1907"], ["1009"]);
        var current = verified with { Answer = "O pooling reduz parâmetros [2].", References = ["1907"] };

        var changes = new AnswerComparer().Compare(verified, current);

        Assert.Equal("references changed: 1009 → 1907", changes[0]);
        Assert.Equal("answer changed\n  verified answer: \"O pooling reduz a resolução [1].\"\n  current answer: \"O pooling reduz parâmetros [2].\"", changes[1]);
        Assert.Empty(new AnswerComparer().Compare(verified, SnapshotKinds.Answers.Read(SnapshotKinds.Answers.Write(verified), "105.verified.json")));
        Assert.Equal("references changed: 1009 → 1907, answer changed", SnapshotKinds.Answers.DescribeChange(verified, current, new Tolerances()));
    }

    [Fact]
    public void A_metric_mean_is_held_to_its_own_tolerance_either_way_and_its_floor_and_a_new_one_needs_approving()
    {
        var metrics = new JudgeMetric[] { new ContextRelevanceMetric { Rules = new MetricRules { Mean = 0.05, Floor = 0.3 } } };
        var comparer = new SummaryComparer(new Tolerances(), new Floors(), metrics);
        SummarySnapshot With(params MetricAggregate[] aggregates) => new(null, null, null) { Metrics = aggregates };

        Assert.Equal(["mean context relevance: baseline 0.5000, current 0.4000, Δ -0.1000 exceeds tolerance 0.05"],
            comparer.Compare(With(new MetricAggregate("context-relevance", 56, 0.5)), With(new MetricAggregate("context-relevance", 56, 0.4))));
        Assert.Empty(comparer.Compare(With(new MetricAggregate("context-relevance", 56, 0.5)), With(new MetricAggregate("context-relevance", 56, 0.47))));
        // A rise beyond tolerance differs too, so approving it ratchets the baseline up.
        Assert.Equal(["mean context relevance: baseline 0.5000, current 0.6000, Δ +0.1000 exceeds tolerance 0.05 (an improvement: approve it, so that the baseline holds the new level)"],
            comparer.Compare(With(new MetricAggregate("context-relevance", 56, 0.5)), With(new MetricAggregate("context-relevance", 56, 0.6))));
        Assert.Equal(["mean context relevance: not in the baseline yet (now 0.4700); approve the received summary to hold it"],
            comparer.Compare(With(), With(new MetricAggregate("context-relevance", 56, 0.47))));
        Assert.Equal([SummaryComparer.UnrecordedMetrics], comparer.Compare(new SummarySnapshot(null, null, null), With(new MetricAggregate("context-relevance", 56, 0.47))));
        Assert.Equal(["mean context relevance: current 0.2000 is below the floor 0.3 (baseline 0.2000, Δ +0.0000)"],
            comparer.Violations(With(new MetricAggregate("context-relevance", 56, 0.2)), With(new MetricAggregate("context-relevance", 56, 0.2))));
        var written = SnapshotKinds.Summary.Write(With(new MetricAggregate("context-relevance", 56, 0.2)));
        Assert.Contains("\"metrics\": {\n    \"context-relevance\": {\n      \"questions\": 56,\n      \"mean\": 0.200000\n    }\n  }", written);
        Assert.Equal(0.2, SnapshotKinds.Summary.Read(written, "gate.verified.json").Metric("context-relevance")!.Mean);
    }
}
