using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;

namespace RegressionGate.Llm.Batches;

/// <summary>
/// Stands in front of the recording client while a run records through the Batch API. A request the recording client
/// would answer from a recording goes to it; one whose batch result is in is recorded from that result (through the
/// recording client, so the recording is the one a live call would have made, its provenance naming the batch); any
/// other is noted as pending and answered with a stand-in, so the run goes on and asks for everything else it needs.
/// </summary>
/// <remarks>
/// The stand-in reads as a judge's score (<c>Score: 0</c>), so a judge goes on to its next repeat or statement, and it
/// carries a marker no real text holds: a request built from a stand-in (a judgment of an answer that is itself still
/// pending) contains the marker, and is answered with a stand-in again but never sent. It is sent in a later batch,
/// once what it is built from has come back. A pass that left nothing pending used no stand-in, so its results are real.
/// </remarks>
internal sealed class BatchCollector(RecordingChatClient recording, SdkRoundTrip sdk) : DelegatingChatClient(recording)
{
    readonly ConcurrentDictionary<string, PendingRequest> pending = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, BatchResult> results = new(StringComparer.Ordinal);

    /// <summary>Unique to this process, so no text from elsewhere can hold it.</summary>
    public string Marker { get; } = "regression-gate-batch-pending-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>What a pending request is answered with during a pass.</summary>
    public string StandIn => $"Score: 0 ({Marker})";

    /// <summary>A request to send: its key and what it says.</summary>
    public sealed record PendingRequest(CanonicalRequest Request, IReadOnlyList<ChatMessage> Messages, ChatOptions? Options);

    /// <summary>The requests noted since the last call, in key order, and forgets them.</summary>
    public IReadOnlyList<PendingRequest> TakePending()
    {
        var taken = pending.Values.OrderBy(p => p.Request.Key, StringComparer.Ordinal).ToList();
        foreach (var request in taken) pending.TryRemove(request.Request.Key, out _);
        return taken;
    }

    /// <summary>Takes in a batch's outcome for one request (the later of two for the same key wins).</summary>
    public void Add(string key, BatchResult result) => results[key] = result;

    /// <summary>Whether an outcome for <paramref name="key"/> is in.</summary>
    public bool Has(string key) => results.ContainsKey(key);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var request = recording.Canonical(list, options);
        if (recording.Replayed(request) is { } replayed) return replayed;
        if (results.TryGetValue(request.Key, out var result))
        {
            if (result.Completion is not { } completion) throw new LlmCallException(result.Error ?? $"the batch {result.BatchId} did not answer this request", null, 1);
            return await recording.RecordAsync(request, token => sdk.ResponseAsync(list, options, completion, token),
                recording.Provenance.InBatch(result.BatchId), cancellationToken).ConfigureAwait(false);
        }
        if (!BuiltOnStandIn(list, options)) pending.TryAdd(request.Key, new PendingRequest(request, list, options));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, StandIn));
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // As the recording client does: whole responses only.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    bool BuiltOnStandIn(IReadOnlyList<ChatMessage> messages, ChatOptions? options) =>
        messages.Any(m => m.Text.Contains(Marker, StringComparison.Ordinal)) || options?.Instructions?.Contains(Marker, StringComparison.Ordinal) == true;
}
