namespace RegressionGate.Llm;

/// <summary>How patiently a live client talks to its endpoint.</summary>
internal sealed record LlmClientOptions
{
    /// <summary>How long one attempt may take before it is abandoned (and retried, while retries remain).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt, for 408, 429, 500, 502, 503, 504, timeouts and dropped connections.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Backoff before retry n is <c>RetryBaseDelay × 2^(n−1)</c> when the response has no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No wait exceeds this, not even one a <c>Retry-After</c> header asks for.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Told about every retry before its wait (for progress output); must be thread-safe.</summary>
    public Action<LlmRetry>? OnRetry { get; init; }
}
