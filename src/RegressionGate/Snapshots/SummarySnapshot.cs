using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// The aggregates of a whole gate run, the baseline the next run is held to. Either part is null when not measured;
/// <see cref="Basis"/> is null only in a summary written before summaries recorded what they were measured over.
/// </summary>
public sealed record SummarySnapshot(RetrievalQuality? Retrieval, JudgeAggregates? Judge, SummaryBasis? Basis)
{
    /// <summary>
    /// The mean of every metric over the questions it graded, in the order the metrics are configured; null in a
    /// summary written before metrics were summarised, which is then not held to metric baselines.
    /// </summary>
    public IReadOnlyList<MetricAggregate>? Metrics { get; init; }

    /// <summary>The aggregate of the metric named <paramref name="name"/>, if this summary has one.</summary>
    public MetricAggregate? Metric(string name) => Metrics?.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// The metrics whose mean the baseline held but this run could not measure on some or all questions, because their
    /// judge failed (missing recordings, failed calls); null or empty when there are none. Approval never drops such a
    /// mean from the baseline, nor replaces it with a mean over fewer questions: only a deliberate change (the metric no
    /// longer configured) may drop it.
    /// </summary>
    /// <remarks>
    /// Written only for a mean the verified summary holds, and a summary that has any is never approved, so a verified
    /// summary never carries it and the readers of earlier versions, which refuse unknown fields, keep reading them all.
    /// </remarks>
    public IReadOnlyList<MetricNotMeasured>? NotMeasured { get; init; }
}

/// <summary>One metric's mean normalised score over the <paramref name="Questions"/> questions it graded.</summary>
public sealed record MetricAggregate(string Name, int Questions, double Mean);

/// <summary>
/// Why a metric's mean is missing from a run's summary, or measured over fewer questions: its judge failed on <paramref name="Failed"/> questions,
/// <paramref name="MissingRecordings"/> of them because replay had no recording for the request.
/// </summary>
public sealed record MetricNotMeasured(string Name, int Failed, int MissingRecordings)
{
    /// <summary>The counts of <paramref name="name"/>'s failures among <paramref name="outcomes"/>; null when none failed.</summary>
    internal static MetricNotMeasured? Of(string name, IEnumerable<Judging.JudgeOutcome?> outcomes)
    {
        var failures = outcomes.OfType<Judging.JudgeFailure>().ToList();
        return failures.Count == 0 ? null
            : new MetricNotMeasured(name, failures.Count, failures.Count(f => f.Kind == Judging.JudgeFailureKind.MissingRecording));
    }

    /// <summary>Why, in words: "no recording of its judge's requests for 3 questions (replay)".</summary>
    public string Reason => (MissingRecordings, Failed) switch
    {
        var (missing, failed) when missing == failed => $"no recording of its judge's requests for {Questions(failed)} (replay)",
        (0, var failed) => $"its judge failed on {Questions(failed)}",
        var (missing, failed) => $"its judge failed on {Questions(failed)}, {missing} of them for want of a recording",
    };

    /// <summary>
    /// What to do before approving: record what is missing (in the golden set at <paramref name="goldenDirectory"/>, when
    /// known, named as the user would type it), or mend what failed.
    /// </summary>
    internal string Remedy(string? goldenDirectory) => MissingRecordings > 0
        ? $"record them with `{Environments.ToolCommand.Current.With(goldenDirectory is null ? "run --llm record"
            : $"run --golden {Environments.ToolCommand.Argument(Files.TypedPath.Of(goldenDirectory))} --llm record")}`"
        : "mend the judge's failures (the gate report names them) and run the gate again";

    static string Questions(int count) => count == 1 ? "1 question" : $"{count} questions";
}
