using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using RegressionGate.ModelCalls;

namespace RegressionGate.Llm;

/// <summary>
/// Stands where a record or refresh run would call the model, for <c>run --dry-run</c>: it asks the recording store,
/// never the model. A request that is recorded (and not to be refreshed) replays as usual; any other is noted as a
/// call the run would make, with an estimate of its tokens, and answered with <paramref name="placeholder"/> so the
/// rest of the run can be planned too. Nothing is written.
/// </summary>
/// <param name="replay">A recording client in replay mode over the store the run would record into.</param>
/// <param name="refresh">Plan a refresh run: every request is a call, recorded or not.</param>
/// <param name="placeholder">What to answer a request that would be a call.</param>
internal sealed class PlanningChatClient(RecordingChatClient replay, bool refresh, Func<CanonicalRequest, string> placeholder) : DelegatingChatClient(replay)
{
    /// <summary>Characters per token assumed for the estimate (a rough figure for English and Portuguese with GPT tokenizers).</summary>
    public const int CharactersPerToken = 4;

    /// <summary>Output tokens assumed per call: a judge's reasoning or a short answer.</summary>
    public const int OutputTokens = 200;

    readonly ConcurrentDictionary<string, PlannedRequest> requests = new(StringComparer.Ordinal);

    /// <summary>
    /// Every distinct request the run would make (identical requests are made once), in no particular order: those
    /// already recorded, which it would replay, and the calls.
    /// </summary>
    public IReadOnlyCollection<PlannedRequest> Requests => requests.Values.ToList();

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var request = replay.Canonical(list, options);
        // Read once: whether it is recorded, and what it replays.
        var recorded = replay.Recorded(request);
        var characters = list.Sum(m => m.Text.Length);
        requests.TryAdd(request.Key, new PlannedRequest(Group(request, options), request.Key, recorded is not null, recorded is null || refresh,
            (characters + CharactersPerToken - 1) / CharactersPerToken, OutputTokens));
        return Task.FromResult(recorded is not null && !refresh ? recorded : new ChatResponse(new ChatMessage(ChatRole.Assistant, placeholder(request))));
    }

    /// <summary>What a call is for: the prompt version it carries, else the model it goes to.</summary>
    static string Group(CanonicalRequest request, ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ModelRequestProperties.PromptVersion, out var version) == true && version is not null
            ? version.ToString()!
            : request.Model;
}

/// <summary>One request a record run would make.</summary>
/// <param name="Group">The prompt version it carries (<c>ar-v1</c>, <c>answer-v1</c>…), else the model or endpoint it goes to.</param>
/// <param name="Recorded">A recording exists for it.</param>
/// <param name="Call">The run would call the model for it (not recorded, or refreshing).</param>
/// <param name="InputTokens">Estimated from the messages' length.</param>
/// <param name="OutputTokens">Assumed.</param>
internal sealed record PlannedRequest(string Group, string Key, bool Recorded, bool Call, int InputTokens, int OutputTokens);
