using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Tests.Support;

namespace RegressionGate.Tests.Gate;

public sealed class SettingOverrideTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("retriever.kind=bm25", "retriever.kind", "bm25")]
    [InlineData("retriever.queryPrefix=query: ", "retriever.queryPrefix", "query: ")]
    [InlineData("judge.similarityThresholds=[0.3,0.5,0.7]", "judge.similarityThresholds", "[0.3,0.5,0.7]")]
    public void An_override_is_a_dotted_path_and_everything_after_the_first_equals_sign(string text, string path, string value)
    {
        Assert.Equal(new SettingOverride(path, value), SettingOverride.TryParse(text));
    }

    [Theory]
    [InlineData("retriever.kind")]
    [InlineData("=bm25")]
    [InlineData("retriever..kind=bm25")]
    public void Text_without_a_path_and_a_value_is_no_override(string text)
    {
        Assert.Null(SettingOverride.TryParse(text));
    }

    [Fact]
    public void Values_are_read_as_JSON_where_they_are_JSON_and_as_text_otherwise_on_top_of_the_file()
    {
        var file = temp.Write("gate.json", """
            {
              // comments and trailing commas are allowed, as in gate.json
              "retriever": { "kind": "dense", "k": 10, },
              "tolerances": { "rboMin": 0.8 }
            }
            """);

        var settings = SettingOverride.Apply(file, "gate.json",
            [new("retriever.kind", "bm25"), new("retriever.k", "20"), new("judge.similarityThresholds", "[0.3, 0.5, 0.7]"), new("floors.recall", "0.4")]);

        Assert.Equal("bm25", settings.Retriever.Kind);
        Assert.Equal(20, settings.Retriever.K);
        Assert.Equal([0.3, 0.5, 0.7], settings.Judge.SimilarityThresholds);
        Assert.Equal(0.4, settings.Floors.Recall);
        Assert.Equal(0.8, settings.Tolerances.RboMin);
    }

    [Fact]
    public void An_override_into_something_that_is_no_section_says_so()
    {
        var file = temp.Write("gate.json", """{ "retriever": { "kind": "dense" } }""");

        var error = Assert.Throws<InputFileException>(() => SettingOverride.Apply(file, "gate.json", [new("retriever.kind.name", "x")]));

        Assert.Equal("gate.json with --set retriever.kind.name=x", error.File);
        Assert.Equal("retriever.kind", error.Field);
        Assert.Null(error.Line);
    }

    [Fact]
    public void A_misspelt_path_is_refused_by_the_settings_readers()
    {
        var file = temp.Write("gate.json", "{}");

        var error = Assert.Throws<InputFileException>(() => SettingOverride.Apply(file, "gate.json", [new("retriever.knid", "bm25")]));

        Assert.Equal("retriever.knid", error.Field);
        Assert.Contains("not a known field", error.Problem);
    }
}
