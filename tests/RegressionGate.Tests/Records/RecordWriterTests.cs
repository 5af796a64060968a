using RegressionGate.Records;

namespace RegressionGate.Tests.Records;

public sealed class RecordWriterTests
{
    [Fact]
    public void Writing_the_parsed_seed_reproduces_it_byte_for_byte()
    {
        var record = Assert.Single(RecordParser.ReadFile(Seed.Path)).Record;

        var written = System.Text.Encoding.UTF8.GetBytes(RecordWriter.Write(record));

        Assert.Equal(Seed.Bytes, written);
    }

    [Fact]
    public void Several_records_are_written_one_after_another_and_read_back_in_order()
    {
        var seed = Assert.Single(RecordParser.ReadFile(Seed.Path)).Record;
        var other = seed with { QuestionId = "7", Segments = seed.Segments.Take(2).ToList(), References = [] };

        var back = RecordParser.Parse(RecordWriter.Write([seed, other]), "both.txt");

        Assert.Equal(["105", "7"], back.Select(r => r.Record.QuestionId));
        Assert.Equal(RecordWriter.Write(other), RecordWriter.Write(back[1].Record));
    }

    [Fact]
    public void A_record_without_segments_or_references_keeps_the_layout_and_reads_back()
    {
        var seed = Assert.Single(RecordParser.ReadFile(Seed.Path)).Record;
        var bare = seed with { Segments = [], References = [] };

        var text = RecordWriter.Write(bare);

        Assert.Contains("**Segmentos recuperados pelo E5**:\n\n**Resposta gerada pelo LLM**:", text);
        Assert.Contains("**Referências**:\n\n**Anotação manual**: C", text);
        var back = Assert.Single(RecordParser.Parse(text, "bare.txt")).Record;
        Assert.Empty(back.Segments);
        Assert.Empty(back.References);
    }
}
