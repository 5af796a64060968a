using Microsoft.Extensions.AI;
using RegressionGate.ModelCalls;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// Grades a rubric metric with an LLM: each unit <paramref name="repeats"/> times, one call after another (so a
/// runner's parallelism bounds the calls in flight), the median score deciding. A labelled metric's single unit
/// becomes a <see cref="Judgment"/>; other metrics' units become the parts of a <see cref="MetricJudgment"/>.
/// The first call that fails or has no valid score fails the question, quoting the raw output: never a 0.
/// </summary>
/// <param name="client">Usually the recording client, so every call is recorded or replayed.</param>
/// <param name="model">The model or deployment the client talks to; part of the identity (the key carries it separately).</param>
internal sealed class LlmMetricJudge(RubricMetric metric, IChatClient client, string model, int repeats, LabelThresholds labels) : IMetricJudge
{
    readonly int repeats = repeats >= 1 ? repeats : throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "repeats must be at least 1");

    public JudgeMetric Metric => metric;

    public JudgeIdentity Identity { get; } = metric.Identity(model, repeats);

    public async Task<JudgeOutcome> JudgeAsync(MetricSubject subject, CancellationToken cancellationToken = default)
    {
        var units = metric.Units(subject);
        if (metric.Labelled && units.Count != 1)
            throw new InvalidOperationException($"{metric.Name} is labelled, so it grades one unit per question, not {units.Count}");

        var parts = new List<PartJudgment>(units.Count);
        foreach (var unit in units)
        {
            var results = new List<(int Score, string Reasoning)>(repeats);
            for (var repeat = 1; repeat <= repeats; repeat++)
            {
                var request = metric.Request(subject, unit, repeat);
                string output;
                try
                {
                    var response = await client.GetResponseAsync(request.Messages, request.Options, cancellationToken).ConfigureAwait(false);
                    output = response.Text;
                }
                catch (ModelCallException e)
                {
                    return JudgeFailure.Of(e, Prefix(unit, repeat));
                }

                var reading = metric.Parse(output);
                if (reading.Score is not { } score)
                    return new JudgeFailure(JudgeFailureKind.UnreadableScore, Prefix(unit, repeat) + reading.Problem, output);
                results.Add((score, output));
            }
            if (metric.Labelled) return Judgment.FromRepeats(results, labels, metric.MaxScore);
            parts.Add(Part(unit, results));
        }
        return MetricJudgment.Of(parts);
    }

    PartJudgment Part(MetricUnit unit, IReadOnlyList<(int Score, string Reasoning)> results)
    {
        var sorted = results.Select(r => r.Score).Order().ToList();
        var median = sorted[(sorted.Count - 1) / 2];
        var (normalised, flagged) = metric.Normalise(median);
        return new PartJudgment(unit, results.Select(r => (double)r.Score).ToList(), median, normalised,
            results.First(r => r.Score == median).Reasoning, sorted[^1] - sorted[0], flagged);
    }

    string Prefix(MetricUnit unit, int repeat)
    {
        var part = metric.UnitKind switch
        {
            UnitKind.Segment => $"segment {unit.Id}: ",
            UnitKind.Statement => $"statement {unit.Id} «{unit.Text}»: ",
            _ => "",
        };
        return part + (repeats == 1 ? "" : $"repeat {repeat} of {repeats}: ");
    }
}
