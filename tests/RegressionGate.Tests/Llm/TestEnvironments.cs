using RegressionGate.Llm;

namespace RegressionGate.Tests.Llm;

/// <summary>Environments as dictionaries: tests never touch the process environment.</summary>
internal static class TestEnvironments
{
    public const string ApiKey = "sk-loopback-SECRET-7f3a9c";
    public const string Deployment = "gpt-4o-mini";

    public static Dictionary<string, string?> Azure(Uri endpoint, string apiKey = ApiKey, string deployment = Deployment) => new()
    {
        [LlmEnvironmentVariables.AzureEndpoint] = endpoint.ToString(),
        [LlmEnvironmentVariables.AzureApiKey] = apiKey,
        [LlmEnvironmentVariables.AzureDeployment] = deployment,
    };

    /// <summary><see cref="Azure"/> as the command line's tests take an environment: no value missing.</summary>
    public static IReadOnlyDictionary<string, string> AzureVariables(Uri endpoint) =>
        Azure(endpoint).ToDictionary(p => p.Key, p => p.Value!);

    public static Dictionary<string, string?> Empty() => new();

    /// <summary>Fast-failing client settings: no real waiting between retries.</summary>
    public static LlmClientOptions Quick(int maxRetries = 2, double timeoutSeconds = 10, Action<LlmRetry>? onRetry = null) => new()
    {
        MaxRetries = maxRetries,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        OnRetry = onRetry,
    };
}
