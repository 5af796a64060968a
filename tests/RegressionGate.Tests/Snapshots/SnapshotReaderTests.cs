using RegressionGate.Files;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class SnapshotReaderTests
{
    const string File = "golden/snapshots/retrieval/105.verified.json";

    static string Valid => SnapshotKinds.Retrieval.Write(Samples.Retrieval("3027", "7744", "3247"));

    static InputFileException ReadRetrieval(string text) =>
        Assert.Throws<InputFileException>(() => SnapshotKinds.Retrieval.Read(text, File));

    [Fact]
    public void A_wrong_type_deep_in_the_ranking_names_file_line_and_indexed_field()
    {
        var text = Valid.Replace("\"score\": 0.840000", "\"score\": \"high\"");
        var error = ReadRetrieval(text);
        Assert.Equal(File, error.File);
        Assert.Equal("ranking[1].score", error.Field);
        Assert.Equal(LineOf(text, "\"high\""), error.Line);
        Assert.Contains("must be a number", error.Message);
    }

    [Fact]
    public void Malformed_json_names_file_and_line()
    {
        var text = Valid.Replace("\"rank\": 2,", "\"rank\": 2");
        var error = ReadRetrieval(text);
        Assert.Equal(File, error.File);
        Assert.StartsWith("malformed JSON", error.Problem);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        var error = ReadRetrieval(Valid.Replace("\"id\": \"7744\", ", ""));
        Assert.Equal("ranking[1].id", error.Field);
        Assert.Contains("is missing", error.Problem);
    }

    [Fact]
    public void A_misspelt_field_is_rejected_rather_than_ignored()
    {
        var error = ReadRetrieval(Valid.Replace("\"question\":", "\"qestion\":"));
        Assert.Equal("qestion", error.Field);
        Assert.Contains("not a known field", error.Problem);
    }

    [Fact]
    public void Ranks_out_of_order_and_repeated_ids_are_errors()
    {
        Assert.Equal("ranking[2].rank", ReadRetrieval(Valid.Replace("\"rank\": 3", "\"rank\": 2")).Field);
        var repeated = ReadRetrieval(Valid.Replace("\"id\": \"3247\"", "\"id\": \"3027\""));
        Assert.Equal("ranking[2].id", repeated.Field);
        Assert.Contains("ranked twice", repeated.Problem);
    }

    [Fact]
    public void A_label_outside_c_p_i_in_a_judge_snapshot_is_named()
    {
        var text = SnapshotKinds.Judge.Write(Samples.Judge()).Replace("\"automated\": \"P\"", "\"automated\": \"X\"");
        var error = Assert.Throws<InputFileException>(() => SnapshotKinds.Judge.Read(text, "judge/105.verified.json"));
        Assert.Equal("automated", error.Field);
        Assert.Equal(LineOf(text, "\"X\""), error.Line);
        Assert.Contains("C, P, I", error.Problem);
    }

    [Fact]
    public void A_bad_number_inside_an_array_of_numbers_is_named_by_index()
    {
        var text = SnapshotKinds.Judge.Write(Samples.Judge() with { Repeats = [2, 3] }).Replace("    3.000000\n", "    \"three\"\n");
        var error = Assert.Throws<InputFileException>(() => SnapshotKinds.Judge.Read(text, "judge/105.verified.json"));
        Assert.Equal("repeats[1]", error.Field);
        Assert.Equal(LineOf(text, "\"three\""), error.Line);
    }

    [Fact]
    public void A_summary_metric_out_of_range_is_named()
    {
        var text = SnapshotKinds.Summary.Write(Samples.Summary()).Replace("\"recall\": 0.800000", "\"recall\": 1.5");
        var error = Assert.Throws<InputFileException>(() => SnapshotKinds.Summary.Read(text, "summary/gate.verified.json"));
        Assert.Equal("retrieval.recall", error.Field);
        Assert.Contains("between 0 and 1", error.Problem);
    }

    [Fact]
    public void A_summary_says_which_means_it_could_not_measure_only_when_there_are_some_and_reads_them_back()
    {
        var plain = Samples.Summary() with { Metrics = [new MetricAggregate("groundedness", 3, 0.5)] };
        Assert.DoesNotContain("notMeasured", SnapshotKinds.Summary.Write(plain with { NotMeasured = [] }));
        Assert.Equal(SnapshotKinds.Summary.Write(plain), SnapshotKinds.Summary.Write(plain with { NotMeasured = [] }));

        var text = SnapshotKinds.Summary.Write(plain with { NotMeasured = [new MetricNotMeasured("context-relevance", 3, 2)] });

        Assert.Contains("\"notMeasured\": {\n    \"context-relevance\": {\n      \"failed\": 3,\n      \"missingRecordings\": 2\n    }\n  },\n", text);
        Assert.Equal([new MetricNotMeasured("context-relevance", 3, 2)], SnapshotKinds.Summary.Read(text, "summary/gate.received.json").NotMeasured);
        var error = Assert.Throws<InputFileException>(() => SnapshotKinds.Summary.Read(
            text.Replace("\"missingRecordings\": 2", "\"missingRecordings\": 4", StringComparison.Ordinal), "summary/gate.received.json"));
        Assert.Equal("notMeasured.context-relevance.missingRecordings", error.Field);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_named()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bad.verified.json");
        System.IO.File.WriteAllBytes(path, [(byte)'{', 0xC3, 0x28, (byte)'}']);
        var error = Assert.Throws<InputFileException>(() => SnapshotKinds.Retrieval.ReadFile(path));
        Assert.Equal(path, error.File);
        Assert.Contains("UTF-8", error.Problem);
    }

    [Fact]
    public void Ids_written_as_numbers_are_read_as_text()
    {
        var snapshot = SnapshotKinds.Retrieval.Read(Valid.Replace("\"id\": \"3027\"", "\"id\": 3027"), File);
        Assert.Equal("3027", snapshot.Ranking[0].Id);
    }

    static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
