using System.Globalization;
using RegressionGate.Gate;

namespace RegressionGate.Reports;

/// <summary>The verdict in one sentence: the first line of every report.</summary>
internal static class Headline
{
    /// <summary>E.g. <c>RegressionGate failed: 2 of 56 questions failed; 1 aggregate check failed</c>.</summary>
    public static string For(GateResult result)
    {
        // A shard's reports cover a slice: say so where every reader starts, so no one takes its pass for the set's.
        var gate = result.Shard is { } shard ? $"RegressionGate shard {shard} (partial: its questions only, aggregates left to merge)" : "RegressionGate";
        var total = result.Questions.Count;
        if (result.Passed) return Invariant($"{gate} passed: {total} {Plural(total, "question")}");
        var parts = new List<string>();
        var failing = result.Failing.Count();
        if (failing > 0) parts.Add(Invariant($"{failing} of {total} {Plural(total, "question")} failed"));
        var aggregates = result.SummaryVerdict.Failures.Count;
        if (aggregates > 0) parts.Add(Invariant($"{aggregates} aggregate {Plural(aggregates, "check")} failed"));
        return $"{gate} failed: {string.Join("; ", parts)}";
    }

    public static string Symbol(GateResult result) => result.Passed ? "✅" : "❌";

    internal static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
