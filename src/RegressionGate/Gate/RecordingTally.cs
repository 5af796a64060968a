using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using RegressionGate.Llm;

namespace RegressionGate.Gate;

/// <summary>
/// Sits above the recording client and notes which recordings a run used, so the report can say how many of its
/// judgments came from real recorded calls and how many from hand-written samples.
/// </summary>
internal sealed class RecordingTally(IChatClient inner, RecordingStore store) : DelegatingChatClient(inner)
{
    readonly ConcurrentDictionary<string, byte> keys = new(StringComparer.Ordinal);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        if (response.AdditionalProperties?.TryGetValue(RecordingChatClient.RecordingKeyProperty, out var key) == true && key is string text)
            keys.TryAdd(text, 0);
        return response;
    }

    /// <summary>Recordings used, counted by their provenance source (recorded, authored, imported…).</summary>
    public IReadOnlyDictionary<string, int> CountByProvenance() =>
        keys.Keys
            .Select(key => store.TryRead(key)?.Provenance.Source ?? "unreadable")
            .GroupBy(source => source, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
