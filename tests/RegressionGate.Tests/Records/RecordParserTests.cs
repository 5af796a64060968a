using System.Text;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Records;

namespace RegressionGate.Tests.Records;

public sealed class RecordParserTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_seed_reads_as_question_105_with_its_ten_segments_and_both_labels()
    {
        var parsed = Assert.Single(RecordParser.ReadFile(Seed.Path, Seed.FileName));
        var record = parsed.Record;

        Assert.Equal("105", record.QuestionId);
        Assert.Equal("Qual é o objetivo da camada de pooling em uma rede neural?", record.Question);
        Assert.Equal(["3027", "7744", "3247", "6694", "3334", "7699", "7742", "3246", "7682", "7743"], record.Segments.Select(s => s.CorpusId));
        var first = record.Segments[0];
        Assert.Equal(0.8535903692245483, first.Score);
        Assert.Equal("oculto", first.Url);
        Assert.Equal("00:45:34", first.Start.ToString());
        Assert.Equal("00:47:53", first.End.ToString());
        Assert.StartsWith("as camadas mais adiante", first.Transcript);
        Assert.EndsWith("coleta para edição", first.Transcript);
        Assert.Equal("01:03:02", record.Segments[2].End.ToString());
        Assert.Contains("que o flatten.  O Max pooling", record.Answer);
        Assert.Equal(3, record.References.Count);
        Assert.All(record.References, r => Assert.Equal(new RecordReference("Vídeo de referência oculto", ""), r));
        Assert.Equal(Label.C, record.Manual);
        Assert.Equal(0.67, record.AnswerRelevance);
        Assert.Equal(Label.P, record.Automated);
        Assert.StartsWith("Criteria: The RESPONSE must be relevant", record.Reasoning);
        Assert.EndsWith("as requested in the PROMPT.  Score: 2", record.Reasoning);
        Assert.Equal((Seed.FileName, 1), (parsed.File, parsed.Line));
        Assert.Equal(new SegmentLines(4, 7, 8, 9), parsed.SegmentLines[0]);
        Assert.Equal(11, parsed.SegmentLines[1].CorpusId);
    }

    [Theory]
    [InlineData("- *Início:* 00:45:34", "- *Início:* 99:99:99", "Início")]
    [InlineData("- *Score:* 0.8535903692245483", "- *Score:* alto", "Score")]
    [InlineData("- *Fim:* 00:47:53", "- *Fim:* 00:40:00", "Fim")]
    public void A_bad_field_after_blank_lines_is_blamed_on_its_own_line(string was, string now, string field)
    {
        // Blank lines are allowed between a segment's fields; the error must still name the field's line, not a blank one.
        var text = Seed.Text.Replace(was, "\n\n" + now, StringComparison.Ordinal);
        var line = text.Split('\n').ToList().FindIndex(l => l.TrimEnd('\r') == now) + 1;

        var error = Assert.Throws<InputFileException>(() => RecordParser.Parse(text, "blank.txt"));

        Assert.Equal((line, field), (error.Line!.Value, error.Field!));
    }

    [Fact]
    public void Crlf_line_ends_and_a_bom_read_the_same_record()
    {
        var lf = Assert.Single(RecordParser.Parse(Seed.Text, "lf.txt")).Record;
        var path = temp.Combine("crlf.txt");
        File.WriteAllText(path, Seed.Text.Replace("\n", "\r\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

        var crlf = Assert.Single(RecordParser.ReadFile(path)).Record;

        Assert.Equal(RecordWriter.Write(lf), RecordWriter.Write(crlf));
        Assert.Equal(lf.Reasoning, crlf.Reasoning);
    }

    [Fact]
    public void A_file_may_hold_several_records_each_ended_by_the_separator()
    {
        var second = Seed.Text.Replace("**Pergunta 105**", "**Pergunta 106**", StringComparison.Ordinal);

        var records = RecordParser.Parse(Seed.Text + second, "two.txt");

        Assert.Equal(["105", "106"], records.Select(r => r.Record.QuestionId));
        Assert.Equal(Seed.Text.Split('\n').Length, records[1].Line);
        Assert.Equal(10, records[1].Record.Segments.Count);
    }

    [Fact]
    public void Values_may_span_lines_and_a_bold_line_that_is_no_known_heading_stays_in_the_value()
    {
        var answer = "Primeiro parágrafo.\n\n**Nota**: o pooling reduz a resolução.\n- item";
        var reasoning = "Criteria: relevante.\nSupporting Evidence: cita o pooling.\nScore: 3";
        var record = Assert.Single(RecordParser.Parse(Seed.Text, "s.txt")).Record with { Answer = answer, Reasoning = reasoning };

        var back = Assert.Single(RecordParser.Parse(RecordWriter.Write(record), "s.txt")).Record;

        Assert.Equal(answer, back.Answer);
        Assert.Equal(reasoning, back.Reasoning);
    }

    [Fact]
    public void Empty_labels_and_ar_read_as_not_yet_annotated()
    {
        var record = Assert.Single(RecordParser.Parse(Seed.Text, "s.txt")).Record with
        {
            Manual = null, AnswerRelevance = null, Automated = null, Reasoning = "",
        };
        var text = RecordWriter.Write(record);
        Assert.Contains("**Anotação manual**:\n", text);

        var back = Assert.Single(RecordParser.Parse(text, "s.txt")).Record;

        Assert.Null(back.Manual);
        Assert.Null(back.AnswerRelevance);
        Assert.Null(back.Automated);
        Assert.Equal("", back.Reasoning);
    }

    public static TheoryData<string, string, string, string, string> BadRecords => new()
    {
        // what is wrong, text to replace in the seed, its replacement, the field named, and the line the error must point at
        // (the first line at or after the change that starts with the last argument)
        { "missing section", "**Referências**:\n", "", "Referências", "**Anotação manual**" },
        { "missing answer heading", "**Resposta gerada pelo LLM**: O objetivo", "O objetivo", "Resposta gerada pelo LLM", "**Referências**" },
        { "score not a number", "- *Score:* 0.8531779646873474", "- *Score:* alto", "Score", "- *Score:* alto" },
        { "score missing", "- *Score:* 0.8531779646873474\n", "", "Score", "- *URL:*" },
        { "manual label outside C/P/I", "**Anotação manual**: C", "**Anotação manual**: X", "Anotação manual", "**Anotação manual**" },
        { "automated label outside C/P/I", "**Anotação automatizada**: P", "**Anotação automatizada**: Parcial", "Anotação automatizada", "**Anotação automatizada**" },
        { "start not a time", "- *Início:* 00:26:14", "- *Início:* 00:26:75", "Início", "- *Início:*" },
        { "end not a time", "- *Fim:* 00:28:48", "- *Fim:* meia hora", "Fim", "- *Fim:*" },
        { "end before start", "- *Fim:* 00:28:48", "- *Fim:* 00:20:00", "Fim", "- *Fim:*" },
        { "ar not a number", "**Answer Relevance (AR)**: 0.67", "**Answer Relevance (AR)**: alta", "Answer Relevance (AR)", "**Answer Relevance (AR)**" },
        { "ar above one", "**Answer Relevance (AR)**: 0.67", "**Answer Relevance (AR)**: 2", "Answer Relevance (AR)", "**Answer Relevance (AR)**" },
        { "corpus id listed twice", "- *Corpus ID:* 7744", "- *Corpus ID:* 3027", "Corpus ID", "- *Corpus ID:* 3027" },
        { "reference not a link", "- [Vídeo de referência oculto]()\n\n**Anotação", "vídeo 3\n\n**Anotação", "Referências", "vídeo 3" },
        { "question not numbered", "**Pergunta 105**", "**Pergunta **", "Pergunta", "**Pergunta" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void A_bad_record_is_named_by_file_line_and_field(string wrong, string find, string replace, string field, string lineStart)
    {
        var seed = Seed.Text;
        var at = seed.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, wrong);
        var broken = seed[..at] + replace + seed[(at + find.Length)..];
        var path = temp.Write("bad.txt", broken);

        var error = Assert.Throws<InputFileException>(() => RecordParser.ReadFile(path, "bad.txt"));

        Assert.Equal("bad.txt", error.File);
        Assert.Equal(field, error.Field);
        var lineStartAt = broken[..at].LastIndexOf('\n') + 1;
        var tail = "\n" + broken[lineStartAt..];
        var expectedLine = broken[..lineStartAt].Count(c => c == '\n') + tail[..tail.IndexOf("\n" + lineStart, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(expectedLine, error.Line);
        Assert.StartsWith($"bad.txt:{error.Line}: field '{field}': ", error.Message);
    }

    static int LineOf(string text, string snippet) =>
        1 + text[..text.IndexOf(snippet, StringComparison.Ordinal)].Count(c => c == '\n');

    [Fact]
    public void The_same_question_twice_in_one_file_names_both_lines()
    {
        var path = temp.Write("dup.txt", Seed.Text + Seed.Text);
        var secondLine = Seed.Text.Split('\n').Length;

        var error = Assert.Throws<InputFileException>(() => RecordParser.ReadFile(path, "dup.txt"));

        Assert.Equal(("dup.txt", secondLine, "Pergunta"), (error.File, error.Line, error.Field));
        Assert.Contains("first on line 1", error.Message);
    }

    [Fact]
    public void A_record_not_ended_by_the_separator_before_the_next_names_the_separator()
    {
        var joined = Seed.Text.Replace("\n---\n", "\n", StringComparison.Ordinal) + Seed.Text.Replace("Pergunta 105", "Pergunta 106", StringComparison.Ordinal);

        var error = Assert.Throws<InputFileException>(() => RecordParser.Parse(joined, "joined.txt"));

        Assert.Equal(("---", LineOf(joined, "**Pergunta 106**")), (error.Field, error.Line));
    }

    [Fact]
    public void The_last_record_may_end_at_the_end_of_the_file_without_a_separator()
    {
        var record = Assert.Single(RecordParser.Parse(Seed.Text[..Seed.Text.LastIndexOf("---", StringComparison.Ordinal)], "s.txt")).Record;

        Assert.EndsWith("Score: 2", record.Reasoning);
    }

    [Fact]
    public void A_file_cut_short_names_the_first_missing_section_at_the_last_line()
    {
        var cut = Seed.Text[..Seed.Text.IndexOf("**Anotação manual**", StringComparison.Ordinal)];

        var error = Assert.Throws<InputFileException>(() => RecordParser.Parse(cut, "cut.txt"));

        Assert.Equal(("Anotação manual", cut.Split('\n').Length - 1), (error.Field, error.Line));
        Assert.Contains("the file ends first", error.Message);
    }

    [Fact]
    public void An_empty_file_holds_no_record()
    {
        var error = Assert.Throws<InputFileException>(() => RecordParser.Parse("\n\n", "empty.txt"));

        Assert.Equal(("empty.txt", "Pergunta"), (error.File, error.Field));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_named_by_line()
    {
        var bytes = Encoding.UTF8.GetBytes("**Pergunta 1**: ok\n\n").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var path = temp.Combine("latin.txt");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InputFileException>(() => RecordParser.ReadFile(path, "latin.txt"));

        Assert.Equal(3, error.Line);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<InputFileException>(() => RecordParser.ReadFile(temp.Combine("nope.txt"), "nope.txt"));

        Assert.Equal("nope.txt", error.File);
    }
}
