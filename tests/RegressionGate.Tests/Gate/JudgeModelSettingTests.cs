using System.Text;
using RegressionGate.Gate;

namespace RegressionGate.Tests.Gate;

public sealed class JudgeModelSettingTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static string With(string json, string model = "gpt-4o-mini") => Encoding.UTF8.GetString(JudgeModelSetting.With(Encoding.UTF8.GetBytes(json), model));

    [Theory]
    // A null model is replaced where it stands.
    [InlineData("{\n  \"judge\": {\n    \"kind\": \"answer-relevance\",\n    \"model\": null\n  }\n}\n",
                "{\n  \"judge\": {\n    \"kind\": \"answer-relevance\",\n    \"model\": \"gpt-4o-mini\"\n  }\n}\n")]
    // A judge section without one gets it first, laid out like the field after it.
    [InlineData("{\n  \"judge\": {\n    \"kind\": \"answer-relevance\"\n  },\n  \"llm\": { \"mode\": \"replay\" }\n}\n",
                "{\n  \"judge\": {\n    \"model\": \"gpt-4o-mini\",\n    \"kind\": \"answer-relevance\"\n  },\n  \"llm\": { \"mode\": \"replay\" }\n}\n")]
    [InlineData("{ \"judge\": { \"kind\": \"answer-relevance\" } }", "{ \"judge\": { \"model\": \"gpt-4o-mini\", \"kind\": \"answer-relevance\" } }")]
    [InlineData("{ \"judge\": {} }", "{ \"judge\": { \"model\": \"gpt-4o-mini\" } }")]
    [InlineData("{ \"judge\": null }", "{ \"judge\": { \"model\": \"gpt-4o-mini\" } }")]
    // No judge section: one first in the file; a judge object deeper down is not it.
    [InlineData("{\r\n  // the retriever\r\n  \"retriever\": { \"judge\": { \"k\": 1 } }\r\n}\r\n",
                "{\r\n  // the retriever\r\n  \"judge\": { \"model\": \"gpt-4o-mini\" },\r\n  \"retriever\": { \"judge\": { \"k\": 1 } }\r\n}\r\n")]
    [InlineData("{}", "{ \"judge\": { \"model\": \"gpt-4o-mini\" } }")]
    [InlineData("", "{ \"judge\": { \"model\": \"gpt-4o-mini\" } }\n")]
    public void The_model_is_put_in_place_and_every_other_byte_is_kept(string before, string after) => Assert.Equal(after, With(before));

    [Fact]
    public void The_result_reads_back_with_the_model_and_every_other_setting_as_it_was()
    {
        var json = "\uFEFF{\n  \"retriever\": { \"k\": 3 },\n  \"judge\": { \"repeats\": 3, \"model\": null }\n}\n";
        var path = temp.Write("gate.json", "");
        File.WriteAllBytes(path, JudgeModelSetting.With(Encoding.UTF8.GetBytes(json), "deploy \"x\" ção"));

        var settings = GateSettingsReader.Read(path, "gate.json");

        Assert.Equal("deploy \"x\" ção", settings.Judge.Model);
        Assert.Equal((3, 3), (settings.Retriever.K, settings.Judge.Repeats));
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(path)[..3]);
    }
}
