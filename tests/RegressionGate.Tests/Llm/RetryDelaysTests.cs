using RegressionGate.Llm;

namespace RegressionGate.Tests.Llm;

public sealed class RetryDelaysTests
{
    static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    static readonly LlmClientOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(500),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };

    static TimeSpan Delay(int attempt, params (string Name, string Value)[] headers) =>
        RetryDelays.For(name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value, attempt, Options, Now);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7000)]
    [InlineData("1.5", 1500)]
    public void Retry_after_seconds_are_honoured_exactly(string value, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Delay(3, ("Retry-After", value)));

    [Fact]
    public void Retry_after_as_an_http_date_waits_until_then() =>
        Assert.Equal(TimeSpan.FromSeconds(12), Delay(1, ("Retry-After", "Sat, 01 Mar 2025 12:00:12 GMT")));

    [Fact]
    public void Millisecond_headers_win_over_retry_after() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), Delay(1, ("retry-after-ms", "250"), ("Retry-After", "9")));

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(10, 30000)]
    public void Without_a_header_backoff_doubles_up_to_the_maximum(int attempt, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Delay(attempt));

    [Fact]
    public void A_longer_retry_after_than_the_maximum_is_capped() =>
        Assert.Equal(TimeSpan.FromSeconds(30), Delay(1, ("Retry-After", "3600")));

    [Fact]
    public void A_date_in_the_past_means_no_wait() =>
        Assert.Equal(TimeSpan.Zero, Delay(1, ("Retry-After", "Sat, 01 Mar 2025 11:00:00 GMT")));
}
