using RegressionGate.Answers;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Tests.Judging.Metrics;

/// <summary><c>judge.metrics</c> and <c>answers</c> in gate.json: what they configure, and bad input naming file, line and field.</summary>
public sealed class MetricSettingsTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    GateSettings Read(string json) => GateSettingsReader.Read(temp.Write("gate.json", json), "gate.json");

    InputFileException Refused(string json) => Assert.Throws<InputFileException>(() => Read(json));

    [Fact]
    public void Without_metrics_a_gate_grades_answer_relevance_only_and_reads_golden_answers()
    {
        var settings = Read("{}");

        Assert.Equal([AnswerRelevanceMetric.MetricName], settings.Judge.Metrics.Select(m => m.Name));
        Assert.Equal(AnswerSource.Golden, settings.Answers.Source);
    }

    [Fact]
    public void Metrics_are_a_list_of_names_or_an_object_of_entries_each_read_by_its_metric()
    {
        var listed = Read("""{ "judge": { "metrics": ["groundedness", "context-relevance"] } }""");
        var configured = Read("""
            {
              "judge": {
                "metrics": {
                  "context-relevance": { "score": 0.1, "mean": 0.02, "floor": 0.3 },
                  "groundedness": { "unsupportedBelow": 0.7, "minWords": 6 }
                }
              }
            }
            """);

        Assert.Equal(["groundedness", "context-relevance"], listed.Judge.Metrics.Select(m => m.Name));
        var context = configured.Judge.Metrics[0];
        Assert.Equal((0.1, 0.02, 0.3), (context.Rules.Score, context.Rules.Mean, context.Rules.Floor));
        var grounded = Assert.IsType<GroundednessMetric>(configured.Judge.Metrics[1]);
        Assert.Equal((0.7, 6), (grounded.UnsupportedBelow, grounded.MinWords));
        Assert.Equal("6", grounded.Identity("m", 1)["minWords"]);
    }

    [Fact]
    public void An_unknown_metric_names_the_registered_ones_on_its_line()
    {
        var error = Refused("""
            {
              "judge": {
                "metrics": ["faithfulness"]
              }
            }
            """);

        Assert.Equal((3, "judge.metrics"), (error.Line, error.Field));
        Assert.EndsWith("'faithfulness' is not one of answer-relevance, context-relevance, groundedness", error.Message);
    }

    [Fact]
    public void A_metric_entry_refuses_fields_it_does_not_know_and_answer_relevance_keeps_its_per_question_tolerance_in_tolerances()
    {
        var misspelt = Refused("""{ "judge": { "metrics": { "groundedness": { "unsupportedBellow": 0.5 } } } }""");
        var elsewhere = Refused("""{ "judge": { "metrics": { "answer-relevance": { "score": 0.1 } } } }""");

        Assert.Equal("judge.metrics.groundedness.unsupportedBellow", misspelt.Field);
        Assert.Equal("judge.metrics.answer-relevance.score", elsewhere.Field);
    }

    [Fact]
    public void A_metric_named_twice_or_no_metric_at_all_is_refused()
    {
        Assert.Contains("names 'groundedness' twice", Refused("""{ "judge": { "metrics": ["groundedness", "groundedness"] } }""").Message);
        Assert.Contains("must name at least one metric", Refused("""{ "judge": { "metrics": [] } }""").Message);
    }

    [Fact]
    public void An_endpoint_source_needs_its_endpoint_a_url_without_credentials_and_a_body_that_carries_the_question()
    {
        const string paths = "\"answerPath\": \"$.answer\", \"segmentIdsPath\": \"$.sources[*].id\"";

        Assert.Equal("answers.endpoint", Refused("""{ "answers": { "source": "endpoint" } }""").Field);
        Assert.Contains("must not hold a user name or password",
            Refused($$$"""{ "answers": { "endpoint": { "url": "https://bot:secret@assistant.example/ask", "body": { "q": "{{question}}" }, {{{paths}}} } } }""").Message);
        Assert.Contains("never mentions {{question}}",
            Refused($$$"""{ "answers": { "endpoint": { "url": "https://assistant.example/ask", "body": { "q": "fixed" }, {{{paths}}} } } }""").Message);
        Assert.Equal("answers.endpoint.answerPath",
            Refused("""{ "answers": { "endpoint": { "url": "https://assistant.example/ask", "body": { "q": "{{question}}" }, "answerPath": "answer", "segmentIdsPath": "$.ids" } } }""").Field);
    }

    [Fact]
    public void A_json_path_reads_members_indexes_and_every_element()
    {
        var reply = System.Text.Json.Nodes.JsonNode.Parse("""{ "data": { "answer": "ok", "sources": [ { "id": 1009 }, { "id": "7743" } ] }, "list": [[1, 2], [3]] }""");

        Assert.True(JsonPath.TryParse("$.data.sources[*].id", out var ids, out _));
        Assert.True(JsonPath.TryParse("$['data'].answer", out var answer, out _));
        Assert.True(JsonPath.TryParse("$.list[1][0]", out var nested, out _));
        Assert.Equal(["1009", "\"7743\""], ids.Select(reply).Select(n => n!.ToJsonString()));
        Assert.Equal("ok", answer.Select(reply).Single()!.GetValue<string>());
        Assert.Equal(3, nested.Select(reply).Single()!.GetValue<int>());
        Assert.Empty(answer.Select(System.Text.Json.Nodes.JsonNode.Parse("[]")));
        Assert.False(JsonPath.TryParse("$.data[?(@.id)]", out _, out var problem));
        Assert.Contains("expected [*], [index] or ['name'] at character 7", problem);
    }
}
