using System.Text;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Golden;

public sealed class GoldenSetLoaderTests : IDisposable
{
    const string Segment1 = """{"id": "3027", "videoId": "v1", "title": "Aula 1", "url": null, "start": "00:45:34", "end": "00:47:53", "text": "as camadas mais adiante"}""";
    const string Segment2 = """{"id": "7744", "videoId": "v2", "title": "Aula 2", "url": null, "start": "00:26:14", "end": "00:28:48", "text": "flaten no final"}""";
    const string Question = """{"id": "105", "text": "Qual é o objetivo da camada de pooling?", "answer": "Reduzir.", "manual": "C", "relevant": ["3027"]}""";

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Golden(string corpus, string questions, string? settings = null)
    {
        temp.Write("golden/corpus.jsonl", corpus);
        temp.Write("golden/questions.jsonl", questions);
        if (settings is not null) temp.Write("golden/gate.json", settings);
        return temp.Combine("golden");
    }

    InputFileException LoadFails(string corpus, string questions, string? settings = null) =>
        Assert.Throws<InputFileException>(() => GateInput.Load(Golden(corpus, questions, settings)));

    [Fact]
    public void A_valid_set_loads_segments_questions_and_default_settings()
    {
        var set = GoldenSetLoader.Load(Golden($"{Segment1}\n{Segment2}\n", Question + "\n"));

        Assert.Equal(["3027", "7744"], set.Corpus.Select(s => s.Id));
        var segment = set.FindSegment("3027")!;
        Assert.Equal("00:45:34", segment.Start.ToString());
        Assert.Equal(47 * 60 + 53, segment.End.TotalSeconds);
        Assert.Null(segment.Url);
        Assert.Equal(["105"], set.Questions.Select(q => q.Id));
        var question = set.Questions[0];
        Assert.Equal(Label.C, question.Manual);
        Assert.Equal(["3027"], question.Relevant);
        var settings = GateSettingsReader.Read(Path.Combine(Golden($"{Segment1}\n{Segment2}\n", Question + "\n"), "gate.json"), "gate.json");
        Assert.Equal(new RetrieverSettings().K, settings.Retriever.K);
        Assert.Equal(new Tolerances(), settings.Tolerances);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var error = LoadFails($"{Segment1}\n{{\"id\": \"x\",\n", Question);

        Assert.EndsWith("corpus.jsonl", error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("malformed JSON", error.Message);
    }

    [Fact]
    public void A_missing_id_names_the_field()
    {
        var error = LoadFails(Segment1 + "\n" + Segment2.Replace("\"id\": \"7744\", ", ""), Question);

        Assert.Equal((2, "id"), (error.Line, error.Field));
        Assert.Contains("is missing", error.Message);
    }

    [Fact]
    public void A_duplicate_segment_id_points_at_both_lines()
    {
        var error = LoadFails($"{Segment1}\n{Segment2}\n{Segment1}\n", Question);

        Assert.Equal((3, "id"), (error.Line, error.Field));
        Assert.Contains("duplicate segment id '3027' (first on line 1)", error.Message);
    }

    [Fact]
    public void A_duplicate_question_id_is_an_error()
    {
        var error = LoadFails(Segment1, $"{Question}\n\n{Question}");

        Assert.Equal((3, "id"), (error.Line, error.Field));
        Assert.EndsWith("questions.jsonl", error.File);
    }

    [Fact]
    public void A_relevant_id_that_is_not_in_the_corpus_is_an_error()
    {
        var error = LoadFails(Segment1, Question.Replace("[\"3027\"]", "[\"3027\", \"9999\"]"));

        Assert.Equal((1, "relevant"), (error.Line, error.Field));
        Assert.Contains("segment '9999' is not in corpus.jsonl", error.Message);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("c")]
    [InlineData("")]
    public void A_label_outside_C_P_I_is_an_error(string label)
    {
        var error = LoadFails(Segment1, Question.Replace("\"manual\": \"C\"", $"\"manual\": \"{label}\""));

        Assert.Equal((1, "manual"), (error.Line, error.Field));
        Assert.Contains("use C, P or I", error.Message);
    }

    [Theory]
    [InlineData("45:34")]
    [InlineData("00:61:00")]
    [InlineData("00:45:3")]
    [InlineData("meia hora")]
    public void A_time_that_does_not_parse_is_an_error(string start)
    {
        var error = LoadFails(Segment1.Replace("00:45:34", start), Question);

        Assert.Equal((1, "start"), (error.Line, error.Field));
        Assert.Contains("hh:mm:ss", error.Message);
    }

    [Fact]
    public void A_segment_that_ends_before_it_starts_is_an_error()
    {
        var error = LoadFails(Segment1.Replace("00:47:53", "00:40:00"), Question);

        Assert.Equal((1, "end"), (error.Line, error.Field));
        Assert.Contains("00:40:00 does not come after start 00:45:34", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_an_error_not_replacement_characters()
    {
        var dir = Golden("", Question);
        File.WriteAllBytes(Path.Combine(dir, "corpus.jsonl"), [.. Encoding.UTF8.GetBytes(Segment1 + "\n"), 0xC3, 0x28, (byte)'\n']);

        var error = Assert.Throws<InputFileException>(() => GoldenSetLoader.Load(dir));

        Assert.Equal(2, error.Line);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_CRLF_and_blank_lines_are_accepted()
    {
        var dir = Golden("", "");
        File.WriteAllText(Path.Combine(dir, "corpus.jsonl"), $"{Segment1}\r\n\r\n{Segment2}\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(Path.Combine(dir, "questions.jsonl"), $"\r\n{Question}\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var set = GoldenSetLoader.Load(dir);

        Assert.Equal(2, set.Corpus.Count);
        Assert.Equal("3027", set.Corpus[0].Id);
        Assert.Equal("Qual é o objetivo da camada de pooling?", set.Questions[0].Text);
    }

    [Fact]
    public void A_one_megabyte_segment_text_is_read_whole()
    {
        var text = string.Concat(Enumerable.Repeat("convolução ", 100_000));
        var set = GoldenSetLoader.Load(Golden(Segment1.Replace("as camadas mais adiante", text), Question));

        Assert.Equal(text, set.Corpus[0].Text);
        Assert.True(Encoding.UTF8.GetByteCount(set.Corpus[0].Text) > 1_000_000);
    }

    [Fact]
    public void Numeric_ids_are_read_as_their_digits()
    {
        var set = GoldenSetLoader.Load(Golden(Segment1.Replace("\"3027\"", "3027"), Question.Replace("[\"3027\"]", "[3027]")));

        Assert.Equal("3027", set.Corpus[0].Id);
        Assert.Equal(["3027"], set.Questions[0].Relevant);
    }

    [Fact]
    public void Settings_are_read_with_defaults_for_what_is_absent()
    {
        var settings = GateSettingsReader.Read(Path.Combine(Golden(Segment1, Question, """
            {
              "retriever": { "k": 5, "maxTokens": 256 },
              "tolerances": { "rboMin": 0.8 },
              "floors": { "ndcg": 0.4 }
            }
            """), "gate.json"), "gate.json");

        Assert.Equal(5, settings.Retriever.K);
        Assert.Equal(256, settings.Retriever.MaxTokens);
        Assert.Equal("query: ", settings.Retriever.QueryPrefix);
        Assert.Equal(0.8, settings.Tolerances.RboMin);
        Assert.Equal(0.9, settings.Tolerances.RboP);
        Assert.Equal(0.4, settings.Floors.Ndcg);
    }

    [Fact]
    public void A_misspelt_setting_is_an_error_on_its_line()
    {
        var error = LoadFails(Segment1, Question, """
            {
              "retriever": { "k": 5 },
              "tolerances": {
                "rboMin": 0.8,
                "rbo_p": 0.9
              }
            }
            """);

        Assert.EndsWith("gate.json", error.File);
        Assert.Equal((5, "tolerances.rbo_p"), (error.Line, error.Field));
        Assert.Contains("known fields: rboP", error.Message);
    }

    [Fact]
    public void A_setting_of_the_wrong_type_is_an_error_on_its_line()
    {
        var error = LoadFails(Segment1, Question, "{\n  \"retriever\": {\n    \"k\": \"ten\"\n  }\n}");

        Assert.Equal((3, "retriever.k"), (error.Line, error.Field));
        Assert.Contains("whole number", error.Message);
    }

    [Fact]
    public void Malformed_settings_report_the_line()
    {
        var error = LoadFails(Segment1, Question, "{\n  \"retriever\": { \"k\": 5 \n  \"judge\": {}\n}");

        Assert.Equal(3, error.Line);
        Assert.Contains("malformed JSON", error.Message);
    }

    [Fact]
    public void A_missing_golden_directory_says_how_to_point_at_one()
    {
        var error = Assert.Throws<InputFileException>(() => GoldenSetLoader.Load(temp.Combine("nowhere")));

        Assert.Contains("--golden", error.Message);
    }
}
