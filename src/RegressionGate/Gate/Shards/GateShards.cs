using System.Diagnostics;
using RegressionGate.Answers;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Sharding;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate.Shards;

/// <summary>
/// The gate split over a CI matrix: each shard evaluates and verifies its own questions and hands on a
/// <see cref="GatePart"/>; merge puts the parts' raw results back into one evaluation of the whole golden set and
/// verifies that exactly as an unsharded run does, so every aggregate, interval and verdict comes out the same.
/// </summary>
internal static class GateShards
{
    /// <summary>One shard's run: its questions only, retrieved over the whole corpus; aggregates measured but not gated.</summary>
    public static async Task<(GateResult Result, GatePart Part)> RunAsync(GateInput input, Shard shard, GateRunOptions options,
        CancellationToken cancellationToken = default)
    {
        AutoApproval.ThrowIfRefused(options.Environment);
        var golden = input.Golden;
        var slice = new GoldenSet(golden.Directory, golden.Corpus, shard.Slice(golden.Questions, q => q.Id), golden.References);
        var evaluation = await GateRunner.EvaluateAsync(input with { Golden = slice }, options, cancellationToken).ConfigureAwait(false);
        var result = GateRunner.Verify(evaluation, options, shard);
        return (result, GatePart.From(evaluation, shard, GateFingerprint.Of(input, options)));
    }

    /// <summary>
    /// The whole run from every shard's part: checks the parts belong together and to <paramref name="input"/>, then
    /// verifies their joined results against the golden set's snapshots (writing received ones, as <c>run</c> does).
    /// </summary>
    /// <param name="parts">Each part with the name errors should use for it (its path as given).</param>
    /// <exception cref="ShardPartsException">The parts are not the N shards of one run over this golden set.</exception>
    public static GateResult Merge(GateInput input, IReadOnlyList<(string Name, GatePart Part)> parts, GateRunOptions options)
    {
        AutoApproval.ThrowIfRefused(options.Environment);
        var started = Stopwatch.GetTimestamp();
        Check(input, parts);
        // Every metric some shard graded, in the order gate.json configures them: a shard whose slice gave a metric
        // nothing to grade did not list it, but an unsharded run lists it for every question.
        var identities = parts.SelectMany(p => p.Part.MetricJudges).GroupBy(j => j.Metric).ToDictionary(g => g.Key, g => g.First().Judge, StringComparer.Ordinal);
        var metricJudges = input.Settings.Judge.Metrics.Where(m => identities.ContainsKey(m.Name))
            .Select(m => new MetricJudgeIdentity(m, identities[m.Name])).ToList();
        var unknown = identities.Keys.Except(metricJudges.Select(j => j.Metric.Name)).FirstOrDefault();
        if (unknown is not null) throw new ShardPartsException($"the parts graded metric '{unknown}', which gate.json of {input.Golden.Directory} does not configure");

        var rankings = new Dictionary<string, IReadOnlyList<RankedSegment>>(StringComparer.Ordinal);
        var answers = new Dictionary<string, AnswerOutcome>(StringComparer.Ordinal);
        var metrics = new Dictionary<string, IReadOnlyList<GradedMetric>>(StringComparer.Ordinal);
        var recordings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, part) in parts)
        {
            foreach (var question in part.Questions)
            {
                rankings[question.Id] = question.Ranking;
                if (question.Answer is { } answer) answers[question.Id] = answer;
                var outcomes = question.Metrics.ToDictionary(m => m.Metric, m => m.Outcome, StringComparer.Ordinal);
                metrics[question.Id] = metricJudges.Select(j => new GradedMetric(j.Metric, j.Judge, outcomes.GetValueOrDefault(j.Metric.Name))).ToList();
            }
            foreach (var (source, count) in part.Recordings) recordings[source] = recordings.GetValueOrDefault(source) + count;
        }
        var (judge, judged) = GateEvaluation.Labelled(metricJudges, metrics);
        var evaluation = new GateEvaluation(
            input,
            parts[0].Part.Retriever,
            judge,
            // A shard that called no model says none; the others say which mode the run used.
            parts.Select(p => p.Part.LlmMode).FirstOrDefault(m => m != "none") ?? "none",
            rankings,
            judged,
            recordings,
            // The gate's work over all runners, plus joining them here; wall time of the matrix is CI's to report.
            parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Part.Elapsed) + Stopwatch.GetElapsedTime(started))
        {
            AnswerSource = parts[0].Part.AnswerSource,
            Answers = answers,
            Metrics = metrics,
            MetricJudges = metricJudges,
        };
        return GateRunner.Verify(evaluation, options);
    }

    static void Check(GateInput input, IReadOnlyList<(string Name, GatePart Part)> parts)
    {
        if (parts.Count == 0) throw new ShardPartsException("no parts to merge: give each shard's --out directory");
        var (firstName, first) = parts[0];
        foreach (var (name, part) in parts.Skip(1))
        {
            if (part.Shard.Count != first.Shard.Count)
                throw new ShardPartsException($"{name} is shard {part.Shard} but {firstName} is shard {first.Shard}: parts of runs split " +
                                              "into different numbers of shards cannot be merged");
            if (part.Fingerprint.Golden != first.Fingerprint.Golden)
                throw new ShardPartsException($"{name} (shard {part.Shard}) and {firstName} (shard {first.Shard}) come from different golden sets " +
                                              "(corpus, questions or references differ)");
            if (part.Fingerprint.Settings != first.Fingerprint.Settings || part.Fingerprint.Overrides != first.Fingerprint.Overrides)
                throw new ShardPartsException($"{name} (shard {part.Shard}) and {firstName} (shard {first.Shard}) ran under different configurations " +
                                              $"(gate.json or command-line overrides: '{part.Fingerprint.Overrides}' vs '{first.Fingerprint.Overrides}')");
            if (!part.Retriever.Equals(first.Retriever))
                throw new ShardPartsException($"{name} (shard {part.Shard}) and {firstName} (shard {first.Shard}) used different retrievers: " +
                                              string.Join("; ", part.Retriever.ChangesFrom(first.Retriever)));
        }
        foreach (var (name, part) in parts.Skip(1))
        {
            if (!part.AnswerSource.Equals(first.AnswerSource))
                throw new ShardPartsException($"{name} (shard {part.Shard}) and {firstName} (shard {first.Shard}) graded answers from different sources: " +
                                              string.Join("; ", part.AnswerSource.ChangesFrom(first.AnswerSource)));
        }
        var judged = parts.SelectMany(p => p.Part.MetricJudges.Select(j => (p.Name, p.Part, j.Metric, j.Judge))).ToList();
        foreach (var (name, part, metric, judge) in judged)
        {
            var (otherName, other, _, otherJudge) = judged.First(j => j.Metric == metric);
            if (!judge.Equals(otherJudge))
                throw new ShardPartsException($"{name} (shard {part.Shard}) and {otherName} (shard {other.Shard}) judged {metric} differently: " +
                                              string.Join("; ", judge.ChangesFrom(otherJudge)));
        }
        var modes = parts.Where(p => p.Part.LlmMode != "none").ToList();
        foreach (var (name, part) in modes.Where(p => p.Part.LlmMode != modes[0].Part.LlmMode))
            throw new ShardPartsException($"{name} (shard {part.Shard}) reached the LLM in {part.LlmMode} mode, {modes[0].Name} (shard {modes[0].Part.Shard}) in {modes[0].Part.LlmMode}");
        var duplicate = parts.GroupBy(p => p.Part.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ShardPartsException($"shard {duplicate.First().Part.Shard} is given twice: {string.Join(" and ", duplicate.Select(p => p.Name))}");
        var missing = Enumerable.Range(1, first.Shard.Count).Except(parts.Select(p => p.Part.Shard.Index)).ToList();
        if (missing.Count > 0)
            throw new ShardPartsException($"{Plural(missing.Count, "shard")} {string.Join(", ", missing)} of {first.Shard.Count} " +
                                          $"{(missing.Count == 1 ? "is" : "are")} missing: merge needs every shard's part");

        var here = GateFingerprint.Of(input, new GateRunOptions());
        if (first.Fingerprint.Golden != here.Golden)
            throw new ShardPartsException($"the parts come from another golden set than {input.Golden.Directory} (corpus, questions or references differ)");
        if (first.Fingerprint.Settings != here.Settings)
            throw new ShardPartsException($"the parts ran under another gate.json than {input.Golden.Directory}'s");

        foreach (var (name, part) in parts)
        {
            var expected = part.Shard.Slice(input.Golden.Questions, q => q.Id).Select(q => q.Id);
            if (!expected.SequenceEqual(part.Questions.Select(q => q.Id), StringComparer.Ordinal))
                throw new ShardPartsException($"{name} does not hold exactly shard {part.Shard}'s questions of this golden set");
        }
    }

    static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
