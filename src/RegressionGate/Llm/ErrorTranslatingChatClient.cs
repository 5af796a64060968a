using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace RegressionGate.Llm;

/// <summary>
/// Turns the SDK's failures (ClientResultException, AggregateException of timeouts…) into <see cref="LlmCallException"/>
/// and <see cref="LlmTimeoutException"/> whose messages say which endpoint, what happened, after how many attempts,
/// and never contain the key or a secret of the endpoint URL; the SDK's exception rides along as the inner exception
/// only when none of its messages holds one either.
/// </summary>
internal sealed class ErrorTranslatingChatClient(IChatClient inner, LlmConnection connection, LlmClientOptions options) : DelegatingChatClient(inner)
{
    static readonly HashSet<int> Retryable = [408, 429, 500, 502, 503, 504];

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    LlmCallException? Translate(Exception e)
    {
        var failures = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.ToList() : [e];
        var attempts = failures.Count;
        var last = failures[^1];

        if (failures.All(f => f is OperationCanceledException))
        {
            var seconds = options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new LlmTimeoutException(
                $"{connection} did not answer within the {seconds} s timeout ({LlmSettings.TimeoutSetting}) on {Attempts(attempts)}. " +
                "Check the endpoint, or allow more time.",
                options.Timeout, attempts, Inner(e));
        }
        if (last is ClientResultException { Status: > 0 } result)
        {
            if (failures.Count == 1 && Retryable.Contains(result.Status)) attempts = options.MaxRetries + 1;
            var detail = Redact(ServiceError.Detail(result.GetRawResponse()?.Content?.ToString() ?? ""));
            return new LlmCallException(
                $"{connection} answered HTTP {result.Status} on {Attempts(attempts)}{(detail.Length > 0 ? ": " + detail : "")}{ServiceError.Hint(result.Status)}",
                result.Status, attempts, Inner(e));
        }
        if (last is ClientResultException or HttpRequestException or IOException)
        {
            return new LlmCallException(
                $"{connection} could not be reached on {Attempts(attempts)}: {Redact(Innermost(last).Message)}",
                null, attempts, Inner(e));
        }
        return null;
    }

    static string Attempts(int n) => n == 1 ? "the only attempt" : $"all {n} attempts";

    static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    string Redact(string text) => connection.Redact(text);

    Exception? Inner(Exception e) => connection.Reveals(e.ToString()) ? null : e;
}
