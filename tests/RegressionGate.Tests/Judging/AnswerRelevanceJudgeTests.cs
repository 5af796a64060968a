using Microsoft.Extensions.AI;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.ModelCalls;

namespace RegressionGate.Tests.Judging;

public sealed class AnswerRelevanceJudgeTests
{
    static int RepeatOf(ChatOptions? options) => (int)options!.AdditionalProperties![ModelRequestProperties.Repeat]!;

    [Fact]
    public async Task Each_repeat_is_a_separate_tagged_request_at_temperature_zero()
    {
        var client = new ScriptedChatClient((_, options) => $"Criteria: c\nSupporting Evidence: e\nScore: {RepeatOf(options)}");
        var judge = new AnswerRelevanceJudge(client, "gpt-4o-mini", 3, new LabelThresholds());

        var judgment = Assert.IsType<Judgment>(await judge.JudgeAsync("Pergunta?", "Resposta."));

        Assert.Equal([1, 2, 3], client.Calls.Select(c => RepeatOf(c.Options)));
        Assert.All(client.Calls, c =>
        {
            Assert.Equal(0f, c.Options!.Temperature);
            Assert.Equal(AnswerRelevancePrompt.Version, c.Options.AdditionalProperties![ModelRequestProperties.PromptVersion]);
            Assert.Equal(AnswerRelevancePrompt.System, c.Messages[0].Text);
            Assert.Equal("PROMPT:\nPergunta?\n\nRESPONSE:\nResposta.", c.Messages[1].Text);
        });
        Assert.Equal([1, 2, 3], judgment.Scores);
        Assert.Equal(2, judgment.Score);
        Assert.Equal(Label.P, judgment.Label);
        Assert.True(judgment.Flaky);
        Assert.EndsWith("Score: 2", judgment.Reasoning);
    }

    [Fact]
    public async Task One_unreadable_repeat_fails_the_answer_with_its_raw_output()
    {
        var client = new ScriptedChatClient((_, options) => RepeatOf(options) == 2 ? "I think it is quite relevant." : "Score: 3");
        var judge = new AnswerRelevanceJudge(client, "gpt-4o-mini", 3, new LabelThresholds());

        var failure = Assert.IsType<JudgeFailure>(await judge.JudgeAsync("q", "a"));

        Assert.Equal(JudgeFailureKind.UnreadableScore, failure.Kind);
        Assert.Equal("I think it is quite relevant.", failure.RawOutput);
        Assert.StartsWith("repeat 2 of 3: ", failure.Message);
        Assert.Equal(2, client.Calls.Count);
        Assert.Contains("question 105:", failure.ForQuestion("105"));
        Assert.Contains("I think it is quite relevant.", failure.ForQuestion("105"));
    }

    [Fact]
    public void Identity_names_kind_model_prompt_version_and_repeats_in_order()
    {
        var judge = new AnswerRelevanceJudge(new ScriptedChatClient((_, _) => ""), "gpt-4o-mini", 5, new LabelThresholds());

        Assert.Equal(
            [new("kind", "answer-relevance"), new("model", "gpt-4o-mini"), new("promptVersion", AnswerRelevancePrompt.Version), new("temperature", "0"), new("repeats", "5")],
            judge.Identity.Properties);
        Assert.Equal(AnswerRelevanceJudge.Kind, judge.Identity.Kind);
    }

    [Fact]
    public void Identity_changes_are_named()
    {
        var before = new AnswerRelevanceJudge(new ScriptedChatClient((_, _) => ""), "gpt-4o-mini", 1, new LabelThresholds()).Identity;
        var after = new AnswerRelevanceJudge(new ScriptedChatClient((_, _) => ""), "gpt-4o", 3, new LabelThresholds()).Identity;

        Assert.Equal(["model 'gpt-4o-mini' → 'gpt-4o'", "repeats '1' → '3'"], after.ChangesFrom(before));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Zero_repeats_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnswerRelevanceJudge(new ScriptedChatClient((_, _) => ""), "m", 0, new LabelThresholds()));
}
