using System.ClientModel.Primitives;

namespace RegressionGate.Llm;

/// <summary>
/// The SDK pipeline's retry policy (which decides what is retryable and counts attempts) with our waits:
/// the server's <c>Retry-After</c> is honoured exactly rather than stretched to the SDK's backoff.
/// </summary>
internal sealed class RetryAfterPolicy(LlmClientOptions options) : ClientRetryPolicy(options.MaxRetries)
{
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        var response = message.Response;
        var delay = RetryDelays.For(
            name => response is not null && response.Headers.TryGetValue(name, out var value) ? value : null,
            tryCount,
            options,
            DateTimeOffset.UtcNow);
        options.OnRetry?.Invoke(new LlmRetry(tryCount, response?.Status, delay));
        return delay;
    }
}
