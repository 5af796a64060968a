using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// Something the gate measures about a question with a judge: its name, what it is given, how its units are graded,
/// where its snapshots go and how the gate holds it (<see cref="Rules"/>). Every metric is also a
/// Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>, so it can run in an evaluation pipeline of its own:
/// give it the question as the last user message, the answer as the response, the segments as a
/// <see cref="RetrievedSegmentsContext"/> and the judge model as the <see cref="ChatConfiguration"/>.
/// Register a metric's <see cref="MetricProvider"/> in a <see cref="MetricRegistry"/> to gate it.
/// </summary>
public abstract partial class JudgeMetric
{
    /// <summary>How <c>judge.metrics</c>, snapshots and reports name it, e.g. <c>context-relevance</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How people read it, e.g. <c>Context relevance</c>; also the <see cref="NumericMetric"/>'s name.</summary>
    public abstract string Title { get; }

    /// <summary>A short form for tables, e.g. <c>CR</c>.</summary>
    public abstract string Abbreviation { get; }

    /// <summary>What the metric reads besides the question.</summary>
    public abstract MetricInputs Inputs { get; }

    /// <summary>What one judge call grades, which decides how snapshots and reports show the parts.</summary>
    public abstract UnitKind UnitKind { get; }

    /// <summary>The folder under <c>snapshots/</c> that holds this metric's verdicts, one file per question.</summary>
    public virtual string SnapshotStage => Name;

    /// <summary>
    /// Whether the metric's normalised score maps to an automated C/P/I label that is compared with people's labels
    /// (answer relevance). A labelled metric grades the whole answer in one unit and yields a <see cref="Judgment"/>.
    /// </summary>
    public virtual bool Labelled => false;

    /// <summary>What a part below the metric's threshold is called in reports (groundedness: <c>unsupported</c>).</summary>
    public virtual string FlagWord => "flagged";

    /// <summary>How the gate holds the metric: per-question tolerance, mean tolerance, floor.</summary>
    public MetricRules Rules { get; init; } = new();

    /// <summary>Builds the judge that grades this metric with <paramref name="backend"/>.</summary>
    internal abstract IMetricJudge CreateJudge(JudgeBackend backend, LabelThresholds labels);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
