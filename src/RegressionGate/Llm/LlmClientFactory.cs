using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace RegressionGate.Llm;

/// <summary>Builds the live <see cref="IChatClient"/> for a connection: the SDK client with our retries and timeout, its errors made readable.</summary>
internal static class LlmClientFactory
{
    public static IChatClient Create(LlmConnection connection, LlmClientOptions? options = null)
    {
        options ??= new LlmClientOptions();
        var credential = new ApiKeyCredential(connection.ApiKey);
        var inner = connection.Provider switch
        {
            LlmProvider.AzureOpenAI => new AzureOpenAIClient(connection.Endpoint, credential, Configure(new AzureOpenAIClientOptions(), options))
                .GetChatClient(connection.Model)
                .AsIChatClient(),
            LlmProvider.OpenAICompatible => new OpenAIClient(credential, Configure(new OpenAIClientOptions { Endpoint = connection.Endpoint }, options))
                .GetChatClient(connection.Model)
                .AsIChatClient(),
            _ => throw new ArgumentOutOfRangeException(nameof(connection)),
        };
        return new ErrorTranslatingChatClient(inner, connection, options);
    }

    static T Configure<T>(T pipeline, LlmClientOptions options) where T : System.ClientModel.Primitives.ClientPipelineOptions
    {
        pipeline.RetryPolicy = new RetryAfterPolicy(options);
        pipeline.NetworkTimeout = options.Timeout;
        return pipeline;
    }
}
