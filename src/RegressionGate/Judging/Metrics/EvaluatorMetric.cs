using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RegressionGate.Files;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// Gates any Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/> that returns a <see cref="NumericMetric"/>: the
/// gate asks it once per question (question as the user message, answer as the response, segments as a
/// <see cref="RetrievedSegmentsContext"/>, the recording client as its chat configuration, so its calls are recorded
/// and replayed like the judge's) and maps the value from [<see cref="Minimum"/>, <see cref="Maximum"/>] to 0–1. A
/// missing value, an error diagnostic or a value out of range is a judge failure, never a 0.
/// </summary>
public sealed class EvaluatorMetric : JudgeMetric
{
    readonly string name;

    /// <param name="name">The key in <c>judge.metrics</c> and the snapshot folder.</param>
    /// <param name="evaluator">The evaluator to run.</param>
    /// <param name="metricName">The <see cref="EvaluationMetric.Name"/> of its numeric result to gate.</param>
    /// <param name="minimum">The worst value it gives (e.g. 1 for the 1–5 scales of Microsoft's quality evaluators).</param>
    /// <param name="maximum">The best value it gives.</param>
    /// <param name="inputs">What it reads besides the question.</param>
    public EvaluatorMetric(string name, IEvaluator evaluator, string metricName, double minimum, double maximum, MetricInputs inputs = MetricInputs.Answer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        if (!(maximum > minimum)) throw new ArgumentException($"the maximum ({maximum}) must be above the minimum ({minimum})", nameof(maximum));
        this.name = name;
        Evaluator = evaluator;
        MetricName = metricName;
        Minimum = minimum;
        Maximum = maximum;
        Inputs = inputs;
    }

    /// <summary>A provider for <paramref name="metric"/>, whose entry in <c>judge.metrics</c> holds its rules.</summary>
    public static MetricProvider Provider(EvaluatorMetric metric) => new(metric.Name, $"{metric.MetricName} from {metric.Evaluator.GetType().Name}", section =>
    {
        section.RejectUnknown([.. MetricRules.Fields(perQuestion: true)]);
        return new EvaluatorMetric(metric.name, metric.Evaluator, metric.MetricName, metric.Minimum, metric.Maximum, metric.Inputs) { Rules = section.Rules() };
    });

    /// <summary>The evaluator the gate asks once per question.</summary>
    public IEvaluator Evaluator { get; }

    /// <summary>The name of the numeric metric of its result that is gated.</summary>
    public string MetricName { get; }

    /// <summary>The worst value the evaluator gives; normalised to 0.</summary>
    public double Minimum { get; }

    /// <summary>The best value the evaluator gives; normalised to 1.</summary>
    public double Maximum { get; }

    /// <inheritdoc/>
    public override string Name => name;
    /// <inheritdoc/>
    public override string Title => MetricName;
    /// <inheritdoc/>
    public override string Abbreviation => MetricName;
    /// <inheritdoc/>
    public override MetricInputs Inputs { get; }
    /// <inheritdoc/>
    public override UnitKind UnitKind => UnitKind.Answer;

    internal override IMetricJudge CreateJudge(JudgeBackend backend, LabelThresholds labels) => backend switch
    {
        LlmBackend llm => new Judge(this, llm),
        _ => throw new InputFileException(Golden.GoldenSet.SettingsFile, null, "judge.metrics",
            $"metric '{Name}' runs {Evaluator.GetType().Name}, which asks an LLM; use judge.kind answer-relevance for it"),
    };

    sealed class Judge(EvaluatorMetric metric, LlmBackend backend) : IMetricJudge
    {
        public JudgeMetric Metric => metric;

        public JudgeIdentity Identity { get; } = new([
            new(JudgeIdentity.KindProperty, metric.Name),
            new(JudgeIdentity.ModelProperty, backend.Model),
            new("evaluator", metric.Evaluator.GetType().FullName ?? metric.Evaluator.GetType().Name),
            new("metric", metric.MetricName),
            new("range", string.Create(CultureInfo.InvariantCulture, $"{metric.Minimum}–{metric.Maximum}")),
        ]);

        public async Task<JudgeOutcome> JudgeAsync(MetricSubject subject, CancellationToken cancellationToken = default)
        {
            EvaluationResult result;
            try
            {
                result = await metric.Evaluator.EvaluateAsync(
                    [new ChatMessage(ChatRole.User, subject.Question)],
                    new ChatResponse(new ChatMessage(ChatRole.Assistant, subject.Answer ?? "")),
                    new ChatConfiguration(backend.Client),
                    [new RetrievedSegmentsContext(subject.Segments)],
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ModelCalls.ModelCallException e)
            {
                return JudgeFailure.Of(e);
            }

            if (!result.TryGet<NumericMetric>(metric.MetricName, out var numeric))
                return new JudgeFailure(JudgeFailureKind.UnreadableScore, $"{metric.Evaluator.GetType().Name} returned no numeric metric '{metric.MetricName}'");
            var errors = numeric.Diagnostics?.Where(d => d.Severity == EvaluationDiagnosticSeverity.Error).Select(d => d.Message).ToList() ?? [];
            if (errors.Count > 0 || numeric.Value is not { } value || !double.IsFinite(value))
            {
                var why = errors.Count > 0 ? string.Join("; ", errors) : "no value";
                return new JudgeFailure(JudgeFailureKind.UnreadableScore, $"{metric.MetricName}: {why}", numeric.Reason);
            }
            if (value < metric.Minimum || value > metric.Maximum)
                return new JudgeFailure(JudgeFailureKind.UnreadableScore, string.Create(CultureInfo.InvariantCulture,
                    $"{metric.MetricName} is {value}, outside {metric.Minimum}–{metric.Maximum}"), numeric.Reason);

            var normalised = (value - metric.Minimum) / (metric.Maximum - metric.Minimum);
            return MetricJudgment.Of([new PartJudgment(new MetricUnit("answer", subject.Answer ?? ""), [value], value, normalised, numeric.Reason ?? "", 0, false)]);
        }
    }
}
