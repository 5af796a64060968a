using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace RegressionGate.Tests.Judging;

/// <summary>An in-process model that answers from a script and remembers what it was asked.</summary>
sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, string> answer) : IChatClient
{
    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Enqueue((list, options));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(list, options))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
