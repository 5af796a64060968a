namespace RegressionGate.Llm;

/// <summary>The environment variables that configure a live model, and a snapshot of them from the process.</summary>
internal static class LlmEnvironmentVariables
{
    public const string AzureEndpoint = "AZURE_OPENAI_ENDPOINT";
    public const string AzureApiKey = "AZURE_OPENAI_API_KEY";
    public const string AzureDeployment = "AZURE_OPENAI_DEPLOYMENT";
    public const string OpenAIBaseUrl = "OPENAI_BASE_URL";
    public const string OpenAIApiKey = "OPENAI_API_KEY";
    public const string OpenAIModel = "OPENAI_MODEL";

    public static IReadOnlyList<string> All { get; } = [AzureEndpoint, AzureApiKey, AzureDeployment, OpenAIBaseUrl, OpenAIApiKey, OpenAIModel];

    /// <summary>Only these variables from the process environment, so nothing else is ever carried around.</summary>
    public static IReadOnlyDictionary<string, string?> FromProcess() =>
        All.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
}
