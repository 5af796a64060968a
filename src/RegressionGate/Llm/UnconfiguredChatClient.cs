using Microsoft.Extensions.AI;

namespace RegressionGate.Llm;

/// <summary>Stands in for the model in replay mode, where nothing may be called; being called anyway is a configuration error.</summary>
internal sealed class UnconfiguredChatClient(string purpose) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw Fail();

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw Fail();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    LlmConfigurationException Fail() => LlmConnection.NotConfigured(purpose);
}
