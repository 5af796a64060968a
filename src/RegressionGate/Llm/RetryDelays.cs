using System.Globalization;

namespace RegressionGate.Llm;

/// <summary>
/// How long to wait before a retry: what the server asked for (<c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>,
/// <c>Retry-After</c> in seconds or as an HTTP date), else exponential backoff; never more than the maximum.
/// </summary>
internal static class RetryDelays
{
    public static TimeSpan For(Func<string, string?> header, int attempt, LlmClientOptions options, DateTimeOffset now)
    {
        var delay = ServerRequested(header, now) ?? Backoff(attempt, options.RetryBaseDelay);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    static TimeSpan? ServerRequested(Func<string, string?> header, DateTimeOffset now)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (double.TryParse(header(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
                return TimeSpan.FromMilliseconds(ms);
        }
        var retryAfter = header("Retry-After");
        if (retryAfter is null) return null;
        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date - now;
        return null;
    }

    static TimeSpan Backoff(int attempt, TimeSpan baseDelay) =>
        TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * Math.Pow(2, Math.Max(0, attempt - 1)), TimeSpan.MaxValue.Ticks / 2.0));
}
