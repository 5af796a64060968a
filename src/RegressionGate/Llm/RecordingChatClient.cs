using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RegressionGate.Llm;

/// <summary>
/// Records and replays chat exchanges by the <see cref="CanonicalRequest"/> key of each request (see there for what
/// the key covers, including the judge's prompt version and repeat, which it strips before the model sees them).
/// Identical requests in flight at once are serialised per key, so one is called and the others read its recording.
/// A recording is written only once its response is complete, atomically, and regardless of cancellation, so an
/// interrupted run keeps everything it finished and nothing half-written.
/// In record and refresh modes the caller receives the response as it was saved, so replay later returns the same.
/// </summary>
internal sealed class RecordingChatClient : DelegatingChatClient
{
    /// <summary>Every response this client returns outside live mode carries its recording key under this additional property.</summary>
    public const string RecordingKeyProperty = "regression-gate.recordingKey";

    readonly RecordingOptions options;
    readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, bool> refreshed = new(StringComparer.Ordinal);

    /// <param name="innerClient">The live model; in replay mode it is never called.</param>
    /// <param name="model">The model or deployment that recording keys name.</param>
    public RecordingChatClient(IChatClient innerClient, RecordingStore store, RecordingMode mode, string model, RecordingOptions? options = null)
        : base(innerClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Store = store;
        Mode = mode;
        Model = model;
        this.options = options ?? new RecordingOptions();
    }

    /// <summary>
    /// A client that only replays: a miss fails naming <see cref="RecordingOptions.RecordCommand"/>, and nothing behind
    /// it is ever called, so nothing needs configuring.
    /// </summary>
    public static RecordingChatClient ReplayOnly(RecordingStore store, string model, RecordingOptions? options = null) =>
        new(new UnconfiguredChatClient("replay"), store, RecordingMode.Replay, model, options);

    public RecordingStore Store { get; }

    public RecordingMode Mode { get; }

    public string Model { get; }

    /// <summary>The canonical form, and key, this client gives a request.</summary>
    public CanonicalRequest Canonical(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions) =>
        CanonicalRequest.From(Model, messages, chatOptions);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        if (Mode == RecordingMode.Live) return await base.GetResponseAsync(list, ForModel(chatOptions), cancellationToken).ConfigureAwait(false);

        var request = Canonical(list, chatOptions);
        if (Mode == RecordingMode.Replay) return Replayed(request)!;

        return await RecordAsync(request, token => base.GetResponseAsync(list, ForModel(chatOptions), token), options.Provenance, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The response this client gives <paramref name="request"/> from its recording, read once; null when it would ask
    /// the model instead: always live, on a missing recording in record mode, and the first time in a refresh run. A
    /// replay miss throws <see cref="RecordingMissingException"/>. Clients in front of this one (batch collection) take
    /// the key they computed here rather than have <see cref="GetResponseAsync"/> compute it and read the file again.
    /// </summary>
    internal ChatResponse? Replayed(CanonicalRequest request) => Mode switch
    {
        RecordingMode.Replay => Recorded(request) ?? throw new RecordingMissingException(request.Key, Store.PathFor(request.Key), options.RecordCommand),
        RecordingMode.Record => Recorded(request),
        RecordingMode.Refresh when refreshed.ContainsKey(request.Key) => Recorded(request),
        _ => null,
    };

    /// <summary>The recorded response to <paramref name="request"/>, whatever the mode; null when there is no recording.</summary>
    internal ChatResponse? Recorded(CanonicalRequest request) => Store.TryRead(request.Key) is { } recording ? ToResponse(recording) : null;

    /// <summary>
    /// Records the answer <paramref name="call"/> gives for <paramref name="request"/> (unless a recording this run may
    /// reuse exists), with <paramref name="provenance"/>, and returns it as saved. The live path and the Batch API both
    /// record through here, so their recordings cannot differ in anything but provenance.
    /// </summary>
    internal async Task<ChatResponse> RecordAsync(CanonicalRequest request, Func<CancellationToken, Task<ChatResponse>> call,
        RecordingProvenance provenance, CancellationToken cancellationToken)
    {
        var gate = locks.GetOrAdd(request.Key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reuse = Mode == RecordingMode.Record || refreshed.ContainsKey(request.Key);
            if (reuse && Store.TryRead(request.Key) is { } existing) return ToResponse(existing);

            var response = await call(cancellationToken).ConfigureAwait(false);
            var recording = new Recording(
                request,
                response.Text,
                response.ModelId,
                response.FinishReason?.Value,
                response.Usage is { } u ? new TokenUsage(u.InputTokenCount, u.OutputTokenCount, u.TotalTokenCount) : null,
                WholeSeconds(options.Clock.GetUtcNow()),
                provenance);
            Store.Write(recording);
            refreshed[request.Key] = true;
            return ToResponse(recording);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The provenance this client writes into the recordings it makes.</summary>
    internal RecordingProvenance Provenance => options.Provenance;

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Recordings hold whole responses, so streaming is served from the non-streaming path.
        var response = await GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    static ChatResponse ToResponse(Recording recording) => new(new ChatMessage(ChatRole.Assistant, recording.ResponseText))
    {
        ModelId = recording.Model,
        FinishReason = recording.FinishReason is { } reason ? new ChatFinishReason(reason) : null,
        Usage = recording.Usage is { } u ? new UsageDetails { InputTokenCount = u.Input, OutputTokenCount = u.Output, TotalTokenCount = u.Total } : null,
        CreatedAt = recording.RecordedAt,
        AdditionalProperties = new() { [RecordingKeyProperty] = recording.Key },
    };

    /// <summary>The options without the judge's tags, which are for the key only: what the model is sent.</summary>
    internal static ChatOptions? ForModel(ChatOptions? chatOptions)
    {
        if (chatOptions?.AdditionalProperties is not { } extra || !extra.Keys.Any(CanonicalRequest.IsJudgeTag)) return chatOptions;
        var copy = chatOptions.Clone();
        var kept = new AdditionalPropertiesDictionary(extra.Where(p => !CanonicalRequest.IsJudgeTag(p.Key)));
        copy.AdditionalProperties = kept.Count == 0 ? null : kept;
        return copy;
    }

    static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
