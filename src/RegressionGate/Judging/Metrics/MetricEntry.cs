using RegressionGate.Files;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// A metric's entry in <c>judge.metrics</c>, as its <see cref="MetricProvider"/> reads it: the gate's rules for the
/// metric and the metric's own settings. Every fault is an <see cref="InputFileException"/> naming file, line and field.
/// </summary>
public sealed class MetricEntry
{
    readonly JsonFields fields;

    internal MetricEntry(JsonFields fields) => this.fields = fields;

    /// <summary>An entry with nothing in it, as a metric listed by name alone reads: every default applies.</summary>
    internal static MetricEntry Empty(string file) => new(JsonFields.Empty(file));

    /// <summary>Refuses any field not in <paramref name="known"/>: a misspelt setting must not silently fall back to its default.</summary>
    public void RejectUnknown(params string[] known) => fields.RejectUnknown(known);

    /// <summary>The number <paramref name="name"/>, or <paramref name="fallback"/> when absent; outside [<paramref name="min"/>, <paramref name="max"/>] is an error.</summary>
    public double Number(string name, double fallback, double min, double max) => fields.OptionalDouble(name, fallback, min, max);

    /// <summary>The whole number <paramref name="name"/>, or <paramref name="fallback"/> when absent; outside [<paramref name="min"/>, <paramref name="max"/>] is an error.</summary>
    public int WholeNumber(string name, int fallback, int min, int max) => fields.OptionalInt(name, fallback, min, max);

    /// <summary>
    /// The gate's rules for the metric: <c>score</c> (when <paramref name="perQuestion"/>), <c>mean</c> and <c>floor</c>;
    /// pass <see cref="MetricRules.Fields"/> to <see cref="RejectUnknown"/> with the metric's own fields.
    /// </summary>
    public MetricRules Rules(bool perQuestion = true) => MetricRules.Read(fields, perQuestion);

    /// <summary>An error about the field <paramref name="name"/>, naming its file and line, to throw.</summary>
    public InputFileException Error(string name, string problem) => fields.Error(name, problem);
}
