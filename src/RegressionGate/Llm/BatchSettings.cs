using RegressionGate.Files;

namespace RegressionGate.Llm;

/// <summary><c>gate.json</c>'s <c>llm.batch</c>: how a <c>--batch</c> run waits for the Batch API.</summary>
public sealed record BatchSettings
{
    /// <summary>Seconds between the first polls of a batch (and of an uploaded file); fractions allowed.</summary>
    public double PollSeconds { get; init; } = 30;

    /// <summary>While a batch makes no progress the wait doubles, up to this many seconds.</summary>
    public double MaxPollSeconds { get; init; } = 600;

    /// <summary>Reads the section; every field is optional, and <c>maxPollSeconds</c> may not be below <c>pollSeconds</c>.</summary>
    internal static BatchSettings Read(JsonFields section)
    {
        section.RejectUnknown("pollSeconds", "maxPollSeconds");
        var defaults = new BatchSettings();
        var poll = section.OptionalDouble("pollSeconds", defaults.PollSeconds, 0.001, 24 * 3600);
        var max = section.OptionalDouble("maxPollSeconds", Math.Max(poll, defaults.MaxPollSeconds), 0.001, 24 * 3600);
        if (max < poll) throw section.Error("maxPollSeconds", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is {max} but pollSeconds is {poll}: the longest wait cannot be shorter than the first"));
        return new BatchSettings { PollSeconds = poll, MaxPollSeconds = max };
    }
}
