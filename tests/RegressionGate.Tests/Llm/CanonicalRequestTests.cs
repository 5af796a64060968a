using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.ModelCalls;

namespace RegressionGate.Tests.Llm;

public sealed class CanonicalRequestTests
{
    static CanonicalRequest Judge(string model = "gpt-4o-mini", string question = "O que é pooling?", string answer = "Reduz a resolução.", int repeat = 1)
    {
        var request = AnswerRelevanceJudge.Request(question, answer, repeat);
        return CanonicalRequest.From(model, request.Messages, request.Options);
    }

    [Fact]
    public void Canonical_json_has_a_fixed_layout_and_the_key_is_the_sha256_of_its_utf8_bytes()
    {
        var request = CanonicalRequest.From(
            "gpt-4o-mini",
            [new ChatMessage(ChatRole.System, "Avalie."), new ChatMessage(ChatRole.User, "Olá, ação?")],
            new ChatOptions
            {
                Temperature = 0,
                MaxOutputTokens = 300,
                AdditionalProperties = new() { [ModelRequestProperties.Repeat] = 2, [ModelRequestProperties.PromptVersion] = "ar-v1" },
            });

        // Changing this layout changes every key and orphans every recording: bump deliberately, re-record.
        Assert.Equal(
            """{"model":"gpt-4o-mini","promptVersion":"ar-v1","repeat":2,"messages":[{"role":"system","text":"Avalie."},{"role":"user","text":"Olá, ação?"}],"options":{"temperature":0,"maxOutputTokens":300}}""",
            request.Json);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Json))), request.Key);
        Assert.Matches("^[0-9a-f]{64}$", request.Key);
    }

    [Fact]
    public void Same_request_gives_the_same_key() =>
        Assert.Equal(Judge().Key, Judge().Key);

    [Fact]
    public void Key_changes_with_model_question_answer_and_repeat()
    {
        var keys = new[]
        {
            Judge().Key,
            Judge(model: "gpt-4o").Key,
            Judge(question: "O que é pooling ?").Key,
            Judge(answer: "Reduz a resolução").Key,
            Judge(repeat: 2).Key,
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Key_changes_with_prompt_version_and_temperature()
    {
        var messages = AnswerRelevancePrompt.Messages("q", "a");
        ChatOptions Options(string version, float temperature) => new()
        {
            Temperature = temperature,
            AdditionalProperties = new() { [ModelRequestProperties.PromptVersion] = version },
        };

        var baseline = CanonicalRequest.From("m", messages, Options("ar-v1", 0)).Key;

        Assert.NotEqual(baseline, CanonicalRequest.From("m", messages, Options("ar-v2", 0)).Key);
        Assert.NotEqual(baseline, CanonicalRequest.From("m", messages, Options("ar-v1", 0.2f)).Key);
        Assert.Equal(baseline, CanonicalRequest.From("m", messages, Options("ar-v1", 0)).Key);
    }

    [Fact]
    public void Other_additional_properties_count_in_a_stable_order()
    {
        var messages = AnswerRelevancePrompt.Messages("q", "a");
        var ab = CanonicalRequest.From("m", messages, new ChatOptions { AdditionalProperties = new() { ["a"] = 1, ["b"] = "x" } });
        var ba = CanonicalRequest.From("m", messages, new ChatOptions { AdditionalProperties = new() { ["b"] = "x", ["a"] = 1 } });
        var none = CanonicalRequest.From("m", messages, new ChatOptions());

        Assert.Equal(ab.Key, ba.Key);
        Assert.NotEqual(none.Key, ab.Key);
        Assert.Contains("\"additional\":{\"a\":1,\"b\":\"x\"}", ab.Json);
    }
}
