using RegressionGate.Llm;
using static RegressionGate.Llm.LlmEnvironmentVariables;

namespace RegressionGate.Tests.Llm;

public sealed class LlmSetupTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(RecordingMode.Record)]
    [InlineData(RecordingMode.Refresh)]
    [InlineData(RecordingMode.Live)]
    public void Modes_that_call_a_model_need_one_configured_and_say_which_variables_to_set(RecordingMode mode)
    {
        var error = Assert.Throws<LlmConfigurationException>(() => LlmSetup.Create(mode, temp.Path, TestEnvironments.Empty(), "gpt-4o-mini"));

        Assert.Contains($"--llm {mode.Name()} needs a live model", error.Message);
        Assert.Contains(AzureEndpoint, error.Variables);
        Assert.Contains(OpenAIApiKey, error.Variables);
    }

    [Fact]
    public void Replay_needs_no_endpoint_or_key_only_the_model_name()
    {
        using var setup = LlmSetup.Create(RecordingMode.Replay, temp.Path, TestEnvironments.Empty(), "gpt-4o-mini");

        Assert.Equal("gpt-4o-mini", setup.Model);
        Assert.Null(setup.Connection);
        Assert.Equal(RecordingMode.Replay, setup.Mode);
    }

    [Fact]
    public void Replay_takes_the_model_name_from_the_deployment_variable_when_none_is_given()
    {
        using var setup = LlmSetup.Create(RecordingMode.Replay, temp.Path, new Dictionary<string, string?> { [AzureDeployment] = "dep-7" });

        Assert.Equal("dep-7", setup.Model);
    }

    [Fact]
    public void Replay_without_any_model_name_says_where_to_give_one()
    {
        var error = Assert.Throws<LlmConfigurationException>(() => LlmSetup.Create(RecordingMode.Replay, temp.Path, TestEnvironments.Empty()));

        Assert.Contains("gate.json", error.Message);
        Assert.Equal([AzureDeployment, OpenAIModel], error.Variables);
    }

    [Fact]
    public void Recording_under_another_deployment_than_the_judge_model_is_refused()
    {
        var environment = TestEnvironments.Azure(new Uri("http://127.0.0.1:9/"), deployment: "gpt-4o");

        var error = Assert.Throws<LlmConfigurationException>(() => LlmSetup.Create(RecordingMode.Record, temp.Path, environment, "gpt-4o-mini"));

        Assert.Equal([AzureDeployment], error.Variables);
        Assert.Contains("'gpt-4o-mini'", error.Message);
        Assert.Contains("'gpt-4o'", error.Message);
        Assert.DoesNotContain(TestEnvironments.ApiKey, error.Message);
    }

    [Theory]
    [InlineData("replay", RecordingMode.Replay)]
    [InlineData("record", RecordingMode.Record)]
    [InlineData("refresh", RecordingMode.Refresh)]
    [InlineData("live", RecordingMode.Live)]
    public void Mode_names_round_trip(string name, RecordingMode mode)
    {
        Assert.True(RecordingModes.TryParse(name, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(name, mode.Name());
    }

    [Fact]
    public void Unknown_mode_name_does_not_parse() => Assert.False(RecordingModes.TryParse("Replay", out _));
}
