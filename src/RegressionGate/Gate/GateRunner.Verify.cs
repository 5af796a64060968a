using System.Diagnostics;
using RegressionGate.Answers;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>The comparison of an evaluation with the verified snapshots: the gate's verdict.</summary>
public static partial class GateRunner
{
    /// <summary>Compares an evaluation with the verified snapshots: the gate's verdict.</summary>
    public static GateResult Verify(GateEvaluation evaluation, GateRunOptions options) => Verify(evaluation, options, null);

    /// <summary>
    /// As <see cref="Verify(GateEvaluation, GateRunOptions)"/>; for a <paramref name="shard"/>, the evaluation holds only
    /// its questions, so the aggregates are measured for the report but neither compared with the summary snapshot nor
    /// written: a slice's recall says nothing about the set's, and only <c>merge</c> sees every question.
    /// </summary>
    internal static GateResult Verify(GateEvaluation evaluation, GateRunOptions options, Sharding.Shard? shard)
    {
        var started = Stopwatch.GetTimestamp();
        var (golden, settings) = (evaluation.Golden, evaluation.Settings);
        var rankings = evaluation.Rankings;
        var verifier = new SnapshotVerifier(evaluation.Input.SnapshotStore(), options.Environment, write: !options.NoWrite);
        var tolerances = settings.Tolerances;
        var questions = golden.Questions.Select(question =>
        {
            var ranking = rankings[question.Id];
            var baseline = TryRead(SnapshotKinds.Retrieval, verifier.Store, question.Id);
            var overlap = baseline is null ? (double?)null
                : RankBiasedOverlap.Extrapolated(baseline.Ranking.Select(r => r.Id).ToList(), ranking.Select(r => r.Id).ToList(), tolerances.RboP);
            var retrieval = Verdict.From(verifier.Verify(SnapshotKinds.Retrieval, question.Id,
                new RetrievalSnapshot(question.Id, question.Text, evaluation.Retriever, ranking, SegmentHashes(golden, ranking)),
                new RetrievalComparer(tolerances, question.Relevant)));

            var answer = evaluation.Answers.GetValueOrDefault(question.Id);
            var (answerBaseline, answerCheck) = VerifyAnswer(evaluation, verifier, question, answer);
            // The judged answer's text: the produced one, else the golden one.
            var judgedText = (answer as AnswerUnderTest)?.Text ?? question.Answer;
            var verified = evaluation.Metrics.GetValueOrDefault(question.Id, []).Select(graded => VerifyMetric(verifier, question, judgedText, graded, tolerances)).ToList();
            var (labelled, labelledSnapshot) = verified.FirstOrDefault(c => c.Check.Metric.Labelled);
            var judgeBaseline = labelled?.Outcome switch
            {
                null => null,
                Judgment => labelledSnapshot,
                // A failed judgment verified nothing, so nothing read the judge snapshot yet.
                _ => TryRead(SnapshotKinds.Judge, verifier.Store, question.Id),
            };
            return new QuestionResult(question, ranking, baseline, overlap, retrieval, labelled?.Outcome, judgeBaseline, labelled?.Verdict)
            {
                Answer = answer,
                AnswerBaseline = answerBaseline,
                AnswerCheck = answerCheck,
                Metrics = verified.Select(c => c.Check).ToList(),
            };
        }).ToList();

        var measured = golden.Questions
            .Select(q => ((IReadOnlyList<string>)rankings[q.Id].Select(r => r.Id).ToList(), (IReadOnlyCollection<string>)q.Relevant))
            .ToList();
        var labelledJudgments = LabelledJudgments(golden.Questions, evaluation.Judged);
        var agreement = labelledJudgments.Count == 0 ? null : Judging.Agreement.Compute(labelledJudgments.Select(l => l.Pair).ToList());
        var basis = new SummaryBasis(IdSet.Of(golden.Questions.Select(q => q.Id)), evaluation.Retriever,
            IdSet.Of(labelledJudgments.Select(l => l.Id)), evaluation.Judge);
        var metricScores = MetricScores(evaluation);
        var summaryBaseline = shard is null ? TryRead(SnapshotKinds.Summary, verifier.Store, SnapshotStages.SummaryName) : null;
        var summary = new SummarySnapshot(RetrievalMetrics.Average(measured, settings.Retriever.K), Aggregates(agreement), basis)
        {
            Metrics = metricScores.Where(m => m.Scores.Count > 0).Select(m => new MetricAggregate(m.Metric.Name, m.Scores.Count, m.Scores.Average())).ToList(),
            NotMeasured = NotMeasured(evaluation, metricScores, summaryBaseline),
        };
        var summaryVerdict = shard is { } slice
            ? Verdict.NotGatedInShard(slice)
            : Verdict.From(verifier.Verify(SnapshotKinds.Summary, SnapshotStages.SummaryName, summary,
                new SummaryComparer(tolerances, settings.Floors, settings.Judge.Metrics)));

        return new GateResult(
            evaluation.Input,
            evaluation.Retriever,
            evaluation.Judge,
            evaluation.LlmMode,
            questions,
            summary,
            summaryBaseline,
            summaryVerdict,
            agreement,
            RetrievalIntervals.Compute(measured, settings.Retriever.K),
            evaluation.Recordings,
            evaluation.Elapsed + Stopwatch.GetElapsedTime(started))
        {
            AnswerSource = evaluation.AnswerSource,
            MetricJudges = evaluation.MetricJudges,
            MetricIntervals = MetricIntervals.Compute(metricScores.Select(m => (m.Metric.Name, m.Scores)).ToList()),
            Shard = shard,
        };
    }

    static (AnswerSnapshot? Baseline, Verdict? Check) VerifyAnswer(GateEvaluation evaluation, SnapshotVerifier verifier, GoldenQuestion question, AnswerOutcome? answer)
    {
        if (answer is AnswerFailure failure) return (TryRead(SnapshotKinds.Answers, verifier.Store, question.Id), Verdict.Failed(failure.ForQuestion(question.Id)));
        if (answer is not AnswerUnderTest produced || !evaluation.AnswerSource.Produced) return (null, null);
        var baseline = TryRead(SnapshotKinds.Answers, verifier.Store, question.Id);
        var snapshot = new AnswerSnapshot(question.Id, evaluation.AnswerSource, produced.Text,
            produced.Context.Select(s => s.Id).ToList(), produced.References.Select(s => s.Id).ToList());
        return (baseline, Verdict.From(verifier.Verify(SnapshotKinds.Answers, question.Id, snapshot, new AnswerComparer())));
    }

    /// <summary>
    /// One metric's check, and for a judgment the judge snapshot the verified file holds once it is checked: the
    /// baseline the check read, unless the check auto-approved this run's and so replaced the file.
    /// </summary>
    static (MetricCheck Check, JudgeSnapshot? Verified) VerifyMetric(SnapshotVerifier verifier, GoldenQuestion question, string? answer, GradedMetric graded,
        Tolerances tolerances)
    {
        var metric = graded.Metric;
        switch (graded.Outcome)
        {
            case Judgment judgment:
            {
                var kind = new JudgeSnapshotKind(metric.SnapshotStage);
                var baseline = TryRead(kind, verifier.Store, question.Id);
                var result = verifier.Verify(kind, question.Id, ToSnapshot(question, answer, graded.Judge, judgment), new JudgeComparer(tolerances));
                var verified = result.Outcome == VerifyOutcome.AutoApproved ? TryRead(kind, verifier.Store, question.Id) : baseline;
                return (new MetricCheck(metric, graded.Judge, judgment, baseline?.Normalised, null, Verdict.From(result)), verified);
            }
            case MetricJudgment parts:
            {
                var kind = new MetricSnapshotKind(metric);
                var baseline = TryRead(kind, verifier.Store, question.Id);
                var verdict = Verdict.From(verifier.Verify(kind, question.Id, ToSnapshot(question, graded.Judge, metric, parts), new MetricComparer(metric)));
                return (new MetricCheck(metric, graded.Judge, parts, baseline?.Score, baseline, verdict), null);
            }
            case JudgeFailure failure:
                return (new MetricCheck(metric, graded.Judge, failure, null, null, Verdict.Failed(failure.ForQuestion(question.Id))), null);
            default:
                return (new MetricCheck(metric, graded.Judge, null, null, null, null), null);
        }
    }

    static JudgeSnapshot ToSnapshot(GoldenQuestion question, string? answer, JudgeIdentity identity, Judgment judgment) => new(
        question.Id,
        identity,
        judgment.Score,
        judgment.Normalised,
        judgment.Label,
        question.Manual,
        judgment.Scores.Select(s => (double)s).ToList(),
        judgment.Spread,
        judgment.Flaky,
        judgment.Reasoning,
        answer is null ? null : TextHash.Of(answer));

    /// <summary>The text hash of each ranked segment, so a later run can name a segment whose text changed.</summary>
    static Dictionary<string, string> SegmentHashes(GoldenSet golden, IReadOnlyList<RankedSegment> ranking)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in ranking)
        {
            if (golden.FindSegment(segment.Id) is { } found) hashes.TryAdd(segment.Id, TextHash.Of(found.Text));
        }
        return hashes;
    }

    static MetricSnapshot ToSnapshot(GoldenQuestion question, JudgeIdentity identity, JudgeMetric metric, MetricJudgment judgment) => new(
        question.Id,
        identity,
        judgment.Normalised,
        judgment.Parts.Select(p => new PartSnapshot(p.Unit.Id, metric.UnitKind == UnitKind.Statement ? p.Unit.Text : null, p.Score, p.Normalised,
            p.Scores, p.Flagged, p.Reasoning)).ToList());

    /// <summary>Each configured metric's normalised scores over the questions it graded.</summary>
    static IReadOnlyList<(JudgeMetric Metric, IReadOnlyList<double> Scores)> MetricScores(GateEvaluation evaluation) =>
        evaluation.MetricJudges.Select(j => (j.Metric, (IReadOnlyList<double>)evaluation.Golden.Questions
            .Select(q => evaluation.Metrics.GetValueOrDefault(q.Id, []).FirstOrDefault(g => g.Metric == j.Metric)?.Score)
            .OfType<double>()
            .ToList())).ToList();

    /// <summary>
    /// The baseline's means this run could not measure, on every question or on some, because their judge failed:
    /// approval must take neither a missing mean for a decision to drop it nor a mean over the questions that happened
    /// to be judged for the set's. Null when there are none.
    /// </summary>
    static IReadOnlyList<MetricNotMeasured>? NotMeasured(GateEvaluation evaluation,
        IReadOnlyList<(JudgeMetric Metric, IReadOnlyList<double> Scores)> metricScores, SummarySnapshot? baseline)
    {
        var missing = metricScores
            .Where(m => baseline?.Metric(m.Metric.Name) is not null)
            .Select(m => MetricNotMeasured.Of(m.Metric.Name, evaluation.Golden.Questions
                .Select(q => evaluation.Metrics.GetValueOrDefault(q.Id, []).FirstOrDefault(g => g.Metric == m.Metric)?.Outcome)))
            .OfType<MetricNotMeasured>()
            .ToList();
        return missing.Count == 0 ? null : missing;
    }

    /// <summary>The answers people labelled that the judge judged: what agreement, and so the summary, is measured over.</summary>
    static List<(string Id, LabelPair Pair)> LabelledJudgments(IReadOnlyList<GoldenQuestion> questions, IReadOnlyDictionary<string, JudgeOutcome> judged) =>
        questions
            .Where(q => q.Manual is not null && judged.GetValueOrDefault(q.Id) is Judgment)
            .Select(q => (q.Id, new LabelPair(q.Manual!.Value, ((Judgment)judged[q.Id]).Label)))
            .ToList();

    static JudgeAggregates? Aggregates(AgreementReport? agreement) => agreement is null ? null : new JudgeAggregates(
        agreement.Count,
        agreement.Accuracy.Value ?? 0,
        agreement.Kappa.Value,
        agreement.LinearKappa.Value,
        agreement.QuadraticKappa.Value);

    /// <summary>The verified snapshot as it stood before this run, for the report; an unreadable one counts as none.</summary>
    static T? TryRead<T>(SnapshotKind<T> kind, SnapshotStore store, string name) where T : class
    {
        var path = store.VerifiedPath(kind.Stage, name);
        if (!File.Exists(path)) return null;
        try { return kind.ReadFile(path); }
        catch (InputFileException) { return null; }
    }
}
