using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Records;
using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Records;

public sealed class RecordExporterTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Importing_the_seed_and_exporting_it_reproduces_the_seed_byte_for_byte()
    {
        var golden = temp.Combine("golden");
        new RecordImporter(new RecordingJudgeWriter()).Import([temp.Write(Seed.FileName, Seed.Text)], golden);
        var input = GateInput.Load(golden);
        var set = input.Golden;
        using var retriever = RunFileRetriever.Create(new RetrieverContext(set, input.Settings.Retriever));
        var references = set.References;
        // The judgment would come from replaying the recording (the Llm stage); here it comes from the record itself.
        var judged = Assert.Single(RecordParser.ReadFile(Seed.Path)).Record;
        Assert.Equal(["105"], set.Questions.Select(q => q.Id));
        var question = set.Questions[0];

        var written = RecordExporter.Export(set,
            [new ExportQuestion(question.Id, retriever.Retrieve(RetrievalQuery.Of(question), input.Settings.Retriever.K), references[question.Id], judged.AnswerRelevance, judged.Automated, judged.Reasoning)],
            temp.Combine("out"));

        var path = Assert.Single(written);
        Assert.Equal(Seed.Bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Files_are_named_by_position_and_a_hash_of_the_question_id()
    {
        var name = RecordExporter.FileName(0, "105");

        Assert.Matches("^000_[0-9a-f]{16}\\.txt$", name);
        Assert.Equal(name, RecordExporter.FileName(0, "105"));
        Assert.NotEqual(name[4..], RecordExporter.FileName(0, "106")[4..]);
        Assert.StartsWith("042_", RecordExporter.FileName(42, "105"));
        Assert.StartsWith("1234_", RecordExporter.FileName(1234, "105"));
    }

    [Fact]
    public void An_authored_question_exports_with_hidden_urls_and_empty_fields_people_can_fill_in()
    {
        temp.Write("golden/corpus.jsonl", """
            {"id": "1", "videoId": "aula-01", "url": null, "start": "00:00:00", "end": "00:01:30", "text": "bem-vindos ao curso"}
            {"id": "2", "videoId": "aula-01", "url": "https://example.org/v/1?t=90", "start": "00:01:30", "end": "00:03:00", "text": "o que é aprendizado de máquina"}
            """);
        temp.Write("golden/questions.jsonl", """
            {"id": "7", "text": "Outra pergunta?"}
            {"id": "8", "text": "Do que trata o curso?"}
            """);
        var set = GoldenSetLoader.Load(temp.Combine("golden"));

        var path = Assert.Single(RecordExporter.Export(set,
            [new ExportQuestion("8", [new RankedSegment(1, "2", 0.9), new RankedSegment(2, "1", 1.0 / 3)], [], null, null, "")],
            temp.Combine("out")));

        Assert.StartsWith("001_", Path.GetFileName(path));
        var text = File.ReadAllText(path);
        Assert.Contains("- *URL:* https://example.org/v/1?t=90\n", text);
        Assert.Contains("- *Score:* 0.3333333333333333\n- *URL:* oculto\n", text);
        Assert.Contains("**Resposta gerada pelo LLM**:\n\n**Referências**:\n\n**Anotação manual**:\n", text);
        var back = Assert.Single(RecordParser.ReadFile(path)).Record;
        Assert.Equal(["2", "1"], back.Segments.Select(s => s.CorpusId));
        Assert.Null(back.Manual);
    }

    [Fact]
    public void A_question_outside_the_golden_set_is_refused()
    {
        temp.Write("golden/corpus.jsonl", """{"id": "1", "videoId": "v", "url": null, "start": "00:00:00", "end": "00:01:00", "text": "t"}""");
        temp.Write("golden/questions.jsonl", """{"id": "1", "text": "?"}""");
        var set = GoldenSetLoader.Load(temp.Combine("golden"));

        Assert.Throws<ArgumentException>(() => RecordExporter.Export(set, [new ExportQuestion("2", [], [], null, null, "")], temp.Combine("out")));
        Assert.Throws<ArgumentException>(() => RecordExporter.Export(set, [new ExportQuestion("1", [new RankedSegment(1, "9", 1)], [], null, null, "")], temp.Combine("out")));
        Assert.False(Directory.Exists(temp.Combine("out")));
    }
}
