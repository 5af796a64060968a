using RegressionGate.Formatting;
using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Reports;

/// <summary>What the reports say about a metric and about one question's metrics, the same way in every report.</summary>
internal static class MetricFacts
{
    /// <summary>
    /// What follows a metric's name where its score is over the top-k: <c>@10</c> for a metric graded segment by
    /// segment (context relevance), nothing for one graded on the answer (groundedness, answer relevance).
    /// </summary>
    public static string AtK(this JudgeMetric metric, int k) =>
        metric.UnitKind == UnitKind.Segment ? "@" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>A metric named in words: <c>context relevance@10</c>, <c>groundedness</c>.</summary>
    public static string NameAtK(this JudgeMetric metric, int k) => metric.Title.ToLowerInvariant() + metric.AtK(k);

    /// <summary>The score as a table cell: <c>0.67</c>, <c>failed</c>, or <c>—</c> when nothing was graded.</summary>
    public static string Cell(this MetricCheck check) => check.Outcome switch
    {
        JudgeFailure => "failed",
        _ when check.Score is { } score => Display.Ar(score),
        _ => "—",
    };

    /// <summary>
    /// How the metric moved against its baseline, in words: <c>CR 0.47 → 0.53</c>, <c>G new (0.67)</c>,
    /// <c>AR judge failed</c>; null when nothing changed.
    /// </summary>
    public static string? Change(this MetricCheck check)
    {
        var name = check.Metric.Abbreviation;
        if (check.Outcome is JudgeFailure failure) return $"{name} judge failed ({failure.Kind})";
        return (check.BaselineScore, check.Score) switch
        {
            (null, { } now) when check.Verdict is { Passed: false } => $"{name} new ({Display.Ar(now)})",
            ({ } was, { } now) when Math.Abs(was - now) > 1e-9 => $"{name} {Display.Ar(was)} → {Display.Ar(now)}",
            ({ } was, null) => $"{name} no longer graded (was {Display.Ar(was)})",
            _ => null,
        };
    }

    /// <summary>The parts below the metric's threshold (for groundedness: unsupported statements), in order.</summary>
    public static IReadOnlyList<PartJudgment> Flagged(this MetricCheck check) =>
        check.Outcome is MetricJudgment parts ? parts.Flagged.ToList() : [];

    /// <summary>Every change and flagged part of a question's metrics, in words, one entry each.</summary>
    public static IReadOnlyList<string> MetricNotes(this QuestionResult question, int excerpt = 100)
    {
        var notes = new List<string>();
        foreach (var check in question.Metrics)
        {
            if (check.Change() is { } change) notes.Add(change);
            foreach (var part in check.Flagged())
                notes.Add($"{check.Metric.FlagWord} ({Display.Ar(part.Normalised)}): «{Excerpt.Line(part.Unit.Text, excerpt)}»");
        }
        return notes;
    }
}
