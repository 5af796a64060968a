using System.Diagnostics;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Sharding;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>
/// One run of the gate: retrieve every question's top-k, judge every answer, measure the set, then compare it all with
/// the verified snapshots. Snapshots are written only at the end, after everything that can fail on bad input or
/// configuration has run, so a run that stops early leaves the golden directory as it found it.
/// </summary>
public static class GateRunner
{
    /// <summary>Evaluates, then compares with the verified snapshots (writing received ones on mismatch).</summary>
    public static async Task<GateResult> RunAsync(GateInput input, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        AutoApproval.ThrowIfRefused(options.Environment);
        var evaluation = await EvaluateAsync(input, options, cancellationToken).ConfigureAwait(false);
        return Verify(evaluation, options);
    }

    /// <summary>
    /// Retrieves and judges without touching snapshots: what <c>export</c> and the reports' records need. Only the
    /// recording modes that call a model write (recordings).
    /// </summary>
    public static async Task<GateEvaluation> EvaluateAsync(GateInput input, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var (golden, settings) = (input.Golden, input.Settings);
        var judgeKind = options.JudgeKind ?? settings.Judge.Kind;
        var mode = options.LlmMode ?? settings.Llm.Mode;
        var toJudge = golden.Questions.Where(q => q.Answer is not null).ToList();

        // One cache for the run, so the retriever and a similarity judge on the same model share their entries.
        var cache = EmbeddingCache.ForGolden(golden.Directory, options.Environment.Get(EmbeddingCache.EnvironmentVariable),
            options.Warning ?? (message => Console.Error.WriteLine($"warning: {message}")));
        using var judge = toJudge.Count > 0 ? input.Judges.Open(judgeKind, new JudgeContext(input, mode, options.Environment) { Cache = cache }) : null;
        var rankings = Retrieve(input, options, cache, cancellationToken, out var retrieverIdentity);
        var judged = judge is null
            ? new Dictionary<string, JudgeOutcome>()
            : await Judge(judge.Judge, toJudge, options.Parallel ?? settings.Llm.Parallel, options.Progress, cancellationToken,
                judge.Tally is not null && settings.Llm.Deadline() is { } deadline ? new JudgeDeadline(deadline, LlmSettings.DeadlineSetting) : null).ConfigureAwait(false);

        return new GateEvaluation(
            input,
            retrieverIdentity,
            judge?.Judge.Identity,
            judge?.Tally is null ? "none" : mode.Name(),
            rankings,
            judged,
            judge?.Tally?.CountByProvenance() ?? new Dictionary<string, int>(),
            Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Compares an evaluation with the verified snapshots: the gate's verdict.</summary>
    public static GateResult Verify(GateEvaluation evaluation, GateRunOptions options) => Verify(evaluation, options, null);

    /// <summary>
    /// As <see cref="Verify(GateEvaluation, GateRunOptions)"/>; for a <paramref name="shard"/>, the evaluation holds only
    /// its questions, so the aggregates are measured for the report but neither compared with the summary snapshot nor
    /// written: a slice's recall says nothing about the set's, and only <c>merge</c> sees every question.
    /// </summary>
    internal static GateResult Verify(GateEvaluation evaluation, GateRunOptions options, Shard? shard)
    {
        var started = Stopwatch.GetTimestamp();
        var (golden, settings) = (evaluation.Golden, evaluation.Settings);
        var rankings = evaluation.Rankings;
        var judged = evaluation.Judged;
        var verifier = new SnapshotVerifier(SnapshotStore.InGolden(golden.Directory), options.Environment);
        var tolerances = settings.Tolerances;
        var questions = golden.Questions.Select(question =>
        {
            var ranking = rankings[question.Id];
            var baseline = TryRead(SnapshotKinds.Retrieval, verifier.Store, SnapshotStages.Retrieval, question.Id);
            var overlap = baseline is null ? (double?)null
                : RankBiasedOverlap.Extrapolated(baseline.Ranking.Select(r => r.Id).ToList(), ranking.Select(r => r.Id).ToList(), tolerances.RboP);
            var retrieval = Verdict.From(verifier.Verify(SnapshotKinds.Retrieval, question.Id,
                new RetrievalSnapshot(question.Id, question.Text, evaluation.Retriever, ranking), new RetrievalComparer(tolerances)));

            var outcome = judged.GetValueOrDefault(question.Id);
            var judgeBaseline = outcome is null ? null : TryRead(SnapshotKinds.Judge, verifier.Store, SnapshotStages.Judge, question.Id);
            Verdict? judgment = outcome switch
            {
                Judgment j => Verdict.From(verifier.Verify(SnapshotKinds.Judge, question.Id,
                    ToSnapshot(question, evaluation.Judge!, j), new JudgeComparer(tolerances))),
                JudgeFailure failure => Verdict.Failed(failure.ForQuestion(question.Id)),
                _ => null,
            };
            return new QuestionResult(question, ranking, baseline, overlap, retrieval, outcome, judgeBaseline, judgment);
        }).ToList();

        var measured = golden.Questions
            .Select(q => ((IReadOnlyList<string>)rankings[q.Id].Select(r => r.Id).ToList(), (IReadOnlyCollection<string>)q.Relevant))
            .ToList();
        var labelled = LabelledJudgments(golden.Questions, judged);
        var agreement = labelled.Count == 0 ? null : Judging.Agreement.Compute(labelled.Select(l => l.Pair).ToList());
        var basis = new SummaryBasis(IdSet.Of(golden.Questions.Select(q => q.Id)), evaluation.Retriever,
            IdSet.Of(labelled.Select(l => l.Id)), evaluation.Judge);
        var summary = new SummarySnapshot(RetrievalMetrics.Average(measured, settings.Retriever.K), Aggregates(agreement), basis);
        var summaryBaseline = shard is null ? TryRead(SnapshotKinds.Summary, verifier.Store, SnapshotStages.Summary, SnapshotStages.SummaryName) : null;
        var summaryVerdict = shard is { } slice
            ? Verdict.NotGatedInShard(slice)
            : Verdict.From(verifier.Verify(SnapshotKinds.Summary, SnapshotStages.SummaryName, summary, new SummaryComparer(tolerances, settings.Floors)));

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
            evaluation.Elapsed + Stopwatch.GetElapsedTime(started)) { Shard = shard };
    }

    static Dictionary<string, IReadOnlyList<RankedSegment>> Retrieve(GateInput input, GateRunOptions options, EmbeddingCache cache,
        CancellationToken cancellationToken, out RetrieverIdentity identity)
    {
        var golden = input.Golden;
        var progress = options.Progress;
        var corpus = golden.Corpus.Count;
        using var retriever = input.CreateRetriever(cache,
            progress is null ? null : new Progress<int>(done => progress.Report(new GateProgress(GateStage.EmbeddingCorpus, done, corpus))),
            options.Environment, cancellationToken);
        identity = retriever.Identity;
        var rankings = new Dictionary<string, IReadOnlyList<RankedSegment>>(StringComparer.Ordinal);
        foreach (var question in golden.Questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rankings[question.Id] = retriever.Retrieve(RetrievalQuery.Of(question), input.Settings.Retriever.K);
            progress?.Report(new GateProgress(GateStage.Retrieving, rankings.Count, golden.Questions.Count));
        }
        return rankings;
    }

    /// <param name="deadline">For judges that call a model: how long all their calls may take together; none when null.</param>
    static async Task<Dictionary<string, JudgeOutcome>> Judge(IAnswerJudge judge, IReadOnlyList<GoldenQuestion> questions, int parallel,
        IProgress<GateProgress>? progress, CancellationToken cancellationToken, JudgeDeadline? deadline)
    {
        var items = questions.Select(q => new JudgeItem(q.Id, q.Text, q.Answer!)).ToList();
        var judged = await JudgeRunner.RunAsync(judge, items, parallel,
            progress is null ? null : new Progress<JudgeProgress>(p => progress.Report(new GateProgress(GateStage.Judging, p.Completed, p.Total))),
            cancellationToken, deadline).ConfigureAwait(false);
        return judged.ToDictionary(j => j.Id, j => j.Outcome, StringComparer.Ordinal);
    }

    static JudgeSnapshot ToSnapshot(GoldenQuestion question, JudgeIdentity identity, Judgment judgment) => new(
        question.Id,
        identity,
        judgment.Score,
        judgment.Normalised,
        judgment.Label,
        question.Manual,
        judgment.Scores.Select(s => (double)s).ToList(),
        judgment.Spread,
        judgment.Flaky,
        judgment.Reasoning);

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
    static T? TryRead<T>(SnapshotKind<T> kind, SnapshotStore store, string stage, string name) where T : class
    {
        var path = store.VerifiedPath(stage, name);
        if (!File.Exists(path)) return null;
        try { return kind.ReadFile(path); }
        catch (InputFileException) { return null; }
    }
}
