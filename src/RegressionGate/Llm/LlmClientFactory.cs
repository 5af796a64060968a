using System.ClientModel;
using System.ClientModel.Primitives;
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
        return new ErrorTranslatingChatClient(SdkClient(connection, options).GetChatClient(connection.Model).AsIChatClient(), connection, options);
    }

    /// <summary>
    /// The SDK client of a connection. Its pipeline authenticates every request (the <c>api-key</c> header for Azure
    /// OpenAI, a bearer token otherwise) and retries with our policy, so the Batch API's requests travel exactly as chat
    /// requests do. <paramref name="transport"/> replaces the network (to see what the SDK would send).
    /// </summary>
    public static OpenAIClient SdkClient(LlmConnection connection, LlmClientOptions options, PipelineTransport? transport = null)
    {
        var credential = new ApiKeyCredential(connection.ApiKey);
        return connection.Provider switch
        {
            LlmProvider.AzureOpenAI => new AzureOpenAIClient(connection.Endpoint, credential, Configure(new AzureOpenAIClientOptions(), options, transport)),
            LlmProvider.OpenAICompatible => new OpenAIClient(credential, Configure(new OpenAIClientOptions { Endpoint = connection.Endpoint }, options, transport)),
            _ => throw new ArgumentOutOfRangeException(nameof(connection)),
        };
    }

    static T Configure<T>(T pipeline, LlmClientOptions options, PipelineTransport? transport) where T : ClientPipelineOptions
    {
        pipeline.RetryPolicy = new RetryAfterPolicy(options);
        pipeline.NetworkTimeout = options.Timeout;
        if (transport is not null) pipeline.Transport = transport;
        return pipeline;
    }
}
