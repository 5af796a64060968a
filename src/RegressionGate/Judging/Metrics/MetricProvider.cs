
namespace RegressionGate.Judging.Metrics;

/// <summary>
/// One metric <c>judge.metrics</c> can name: its name, one line of help, and how it reads its entry (its rules and own
/// settings) into a configured metric. Register it in a <see cref="MetricRegistry"/>.
/// </summary>
/// <param name="Name">The key in <c>judge.metrics</c>; also the metric's <see cref="JudgeMetric.Name"/>.</param>
/// <param name="Summary">What the metric measures, in a few words, for help text and errors.</param>
/// <param name="Read">Reads the metric's entry; unknown or invalid fields are an <see cref="Files.InputFileException"/>.</param>
public sealed record MetricProvider(string Name, string Summary, Func<MetricEntry, JudgeMetric> Read);
