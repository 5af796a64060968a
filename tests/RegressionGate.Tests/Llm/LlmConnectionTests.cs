using RegressionGate.Llm;
using static RegressionGate.Llm.LlmEnvironmentVariables;

namespace RegressionGate.Tests.Llm;

public sealed class LlmConnectionTests
{
    [Fact]
    public void Azure_variables_make_an_azure_connection()
    {
        var connection = LlmConnection.FromEnvironment(new Dictionary<string, string?>
        {
            [AzureEndpoint] = "https://example.openai.azure.com/",
            [AzureApiKey] = "k-123",
            [AzureDeployment] = " gpt-4o ",
        });

        Assert.NotNull(connection);
        Assert.Equal(LlmProvider.AzureOpenAI, connection.Provider);
        Assert.Equal(new Uri("https://example.openai.azure.com/"), connection.Endpoint);
        Assert.Equal("gpt-4o", connection.Model);
    }

    [Fact]
    public void Openai_variables_without_base_url_mean_openai_itself()
    {
        var connection = LlmConnection.FromEnvironment(new Dictionary<string, string?> { [OpenAIApiKey] = "k", [OpenAIModel] = "gpt-4o-mini" });

        Assert.Equal(LlmProvider.OpenAICompatible, connection!.Provider);
        Assert.Equal(LlmConnection.DefaultOpenAIBaseUrl, connection.Endpoint);
    }

    [Fact]
    public void Nothing_configured_is_no_connection_but_requiring_one_names_every_variable()
    {
        Assert.Null(LlmConnection.FromEnvironment(new Dictionary<string, string?> { [AzureApiKey] = "  " }));

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConnection.Require(TestEnvironments.Empty(), "--llm record"));

        Assert.StartsWith("--llm record needs a live model", error.Message);
        foreach (var name in new[] { AzureEndpoint, AzureApiKey, AzureDeployment, OpenAIApiKey, OpenAIModel, OpenAIBaseUrl })
            Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Partial_azure_configuration_names_what_is_missing_without_showing_the_key()
    {
        var error = Assert.Throws<LlmConfigurationException>(() => LlmConnection.FromEnvironment(new Dictionary<string, string?>
        {
            [AzureApiKey] = "secret-value-42",
        }));

        Assert.Equal([AzureEndpoint, AzureDeployment], error.Variables);
        Assert.Contains($"set {AzureEndpoint} and {AzureDeployment}", error.Message);
        Assert.DoesNotContain("secret-value-42", error.Message);
    }

    [Fact]
    public void Endpoint_that_is_not_a_url_is_a_configuration_error()
    {
        var error = Assert.Throws<LlmConfigurationException>(() => LlmConnection.FromEnvironment(new Dictionary<string, string?>
        {
            [AzureEndpoint] = "example.openai.azure.com",
            [AzureApiKey] = "k",
            [AzureDeployment] = "d",
        }));

        Assert.Equal([AzureEndpoint], error.Variables);
        Assert.Contains("absolute http(s) URL", error.Message);
    }

    [Fact]
    public void Description_never_contains_the_key()
    {
        var connection = new LlmConnection(LlmProvider.AzureOpenAI, new Uri("https://x.openai.azure.com/"), "dep", "very-secret-key");

        Assert.Equal("Azure OpenAI at https://x.openai.azure.com/ (deployment 'dep')", connection.ToString());
    }
}
