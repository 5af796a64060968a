using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Llm;

namespace RegressionGate.Tests.Llm.Batches;

/// <summary><c>llm.batch</c> in gate.json.</summary>
public sealed class BatchSettingsTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    GateSettings Read(string json) => GateSettingsReader.Read(temp.Write("gate.json", json), "gate.json");

    [Fact]
    public void Poll_intervals_default_to_half_a_minute_doubling_up_to_ten_minutes_and_may_be_fractions()
    {
        Assert.Equal(new BatchSettings { PollSeconds = 30, MaxPollSeconds = 600 }, Read("{}").Llm.Batch);
        Assert.Equal(new BatchSettings { PollSeconds = 0.5, MaxPollSeconds = 2 }, Read("""{ "llm": { "batch": { "pollSeconds": 0.5, "maxPollSeconds": 2 } } }""").Llm.Batch);
        Assert.Equal(900, Read("""{ "llm": { "batch": { "pollSeconds": 900 } } }""").Llm.Batch.MaxPollSeconds);
    }

    [Fact]
    public void A_longest_wait_below_the_first_is_an_error_on_its_line()
    {
        var error = Assert.Throws<InputFileException>(() => Read("{\n  \"llm\": {\n    \"batch\": { \"pollSeconds\": 60,\n      \"maxPollSeconds\": 10 }\n  }\n}"));

        Assert.Equal((4, "llm.batch.maxPollSeconds"), (error.Line, error.Field));
        Assert.Contains("is 10 but pollSeconds is 60", error.Message);
    }

    [Theory]
    [InlineData("""{ "llm": { "batch": { "pollSeconds": 0 } } }""", "llm.batch.pollSeconds")]
    [InlineData("""{ "llm": { "batch": { "poll": 5 } } }""", "llm.batch.poll")]
    [InlineData("""{ "llm": { "batch": 5 } }""", "llm.batch")]
    public void Bad_batch_settings_name_their_field(string json, string field)
    {
        Assert.Equal(field, Assert.Throws<InputFileException>(() => Read(json)).Field);
    }
}
