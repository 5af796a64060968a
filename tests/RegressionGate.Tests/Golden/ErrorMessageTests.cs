using RegressionGate.Files;
using RegressionGate.Gate;

namespace RegressionGate.Tests.Golden;

/// <summary>Error messages speak the user's terms: never the JSON library's internals, never a contradiction.</summary>
public sealed class ErrorMessageTests : IDisposable
{
    const string Segment = """{"id": "1", "videoId": "v1", "title": "Aula 1", "url": null, "start": "00:00:01", "end": "00:00:09", "text": "pooling"}""";
    const string Question = """{"id": "q1", "text": "O que é pooling?", "relevant": ["1"]}""";

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Load(string corpus = Segment + "\n", string questions = Question + "\n", string? settings = null)
    {
        temp.Write("golden/corpus.jsonl", corpus);
        temp.Write("golden/questions.jsonl", questions);
        if (settings is not null) temp.Write("golden/gate.json", settings);
        return Assert.Throws<InputFileException>(() => GateInput.Load(temp.Combine("golden"))).Message;
    }

    [Theory]
    [InlineData("x")]
    [InlineData("{\"id\": 1,, }")]
    [InlineData("not json")]
    public void Malformed_json_lines_never_show_the_parsers_own_positions(string line)
    {
        var message = Load(questions: Question + "\n" + line + "\n");

        Assert.StartsWith($"{temp.Combine("golden", "questions.jsonl")}:2: malformed JSON at column ", message);
        AssertNoParserPositions(message);
    }

    [Fact]
    public void Malformed_settings_never_show_the_parsers_own_positions()
    {
        var message = Load(settings: "{\n  \"tolerances\": {\n    \"score\": 0.02,,\n  }\n}\n");

        Assert.StartsWith($"{temp.Combine("golden", "gate.json")}:3: malformed JSON at column ", message);
        AssertNoParserPositions(message);
    }

    static void AssertNoParserPositions(string message) =>
        Assert.False(message.Contains("LineNumber", StringComparison.Ordinal) || message.Contains("BytePositionInLine", StringComparison.Ordinal),
            $"the message shows the JSON parser's own 0-based positions: {message}");

    [Fact]
    public void A_number_too_large_for_a_double_says_so_instead_of_that_a_number_is_not_a_number()
    {
        var message = Load(settings: "{\n  \"tolerances\": {\n    \"score\": 1e400\n  }\n}\n");

        Assert.Equal($"{temp.Combine("golden", "gate.json")}:3: field 'tolerances.score': must be a finite number, found 1e400", message);
    }
}
