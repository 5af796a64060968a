using System.Diagnostics;
using RegressionGate.Answers;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>
/// One run of the gate: retrieve every question's top-k, produce the answers under test, grade every configured metric,
/// measure the set, then compare it all with the verified snapshots. Snapshots are written only at the end, after
/// everything that can fail on bad input or configuration has run, so a run that stops early leaves the golden
/// directory as it found it.
/// </summary>
public static partial class GateRunner
{
    /// <summary>Evaluates, then compares with the verified snapshots (writing received ones on mismatch).</summary>
    public static async Task<GateResult> RunAsync(GateInput input, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        AutoApproval.ThrowIfRefused(options.Environment);
        var evaluation = await EvaluateAsync(input, options, cancellationToken).ConfigureAwait(false);
        return Verify(evaluation, options);
    }

    /// <summary>
    /// Retrieves, answers and grades without touching snapshots: what <c>export</c> and the reports' records need. Only
    /// the recording modes that call a model write (recordings).
    /// </summary>
    public static async Task<GateEvaluation> EvaluateAsync(GateInput input, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var mode = options.LlmMode ?? input.Settings.Llm.Mode;
        if (options.NoWrite && mode.WritesRecordings())
            throw new LlmConfigurationException(
                $"nothing may be written into the golden set, and llm mode '{mode.Name()}' saves recordings there; use replay (recordings only) or live (a model, nothing saved)", []);
        var cache = Cache(input, options);
        using var batch = options.Batch ? Batch(input, mode, cache, options) : null;
        using var session = Open(input, options, cache, plan: false, batch);
        // A run that calls no model has no deadline; nor does a batch pass, which calls none live (its calls wait in the batch).
        var deadline = session.UsesRecordings && batch is null ? input.Settings.Llm.Deadline() : null;
        var evaluation = batch is null
            ? await EvaluateAsync(input, options, session, cache, deadline, cancellationToken).ConfigureAwait(false)
            : await batch.RunAsync(token => EvaluateAsync(input, options, session, cache, null, token), cancellationToken).ConfigureAwait(false);
        return evaluation with
        {
            LlmMode = session.UsesRecordings ? mode.Name() : "none",
            Recordings = session.CountByProvenance(),
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// What a run in <c>--llm record</c> (or <c>refresh</c>) mode would call, without calling anything or writing to the
    /// golden set: recorded requests replay, the rest are counted per metric and for the answers, with token estimates.
    /// </summary>
    public static async Task<RecordPlan> PlanAsync(GateInput input, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        var mode = options.LlmMode ?? input.Settings.Llm.Mode;
        var cache = Cache(input, options);
        using var session = Open(input, options, cache, plan: true);
        var evaluation = await EvaluateAsync(input, options, session, cache, deadlineAfter: null, cancellationToken).ConfigureAwait(false);
        return RecordPlan.From(evaluation, session, mode);
    }

    static EmbeddingCache Cache(GateInput input, GateRunOptions options) =>
        // One cache for the run, so the retriever and a similarity judge on the same model share their entries.
        EmbeddingCache.ForGolden(input.Golden.Directory, options.Environment.Get(EmbeddingCache.EnvironmentVariable),
            options.Warning ?? (message => Console.Error.WriteLine($"warning: {message}")));

    static EvaluationSession Open(GateInput input, GateRunOptions options, EmbeddingCache cache, bool plan, BatchRecorder? batch = null)
    {
        var settings = input.Settings;
        var source = options.Answers ?? settings.Answers.Source;
        // A metric with nothing to grade (it reads answers, and the golden set holds none) opens no judge.
        var graded = options.Answers is { } overridden ? input with { Settings = settings with { Answers = settings.Answers with { Source = overridden } } } : input;
        var metrics = settings.Judge.Metrics.Where(m => graded.QuestionsGradedBy(m).Any()).ToList();
        return EvaluationSession.Open(input, metrics, options.JudgeKind ?? settings.Judge.Kind, source, options.LlmMode ?? settings.Llm.Mode,
            options.Environment, cache, plan, batch);
    }

    static async Task<GateEvaluation> EvaluateAsync(GateInput input, GateRunOptions options, EvaluationSession session, EmbeddingCache cache,
        TimeSpan? deadlineAfter, CancellationToken cancellationToken)
    {
        var (golden, settings) = (input.Golden, input.Settings);
        var parallel = options.Parallel ?? settings.Llm.Parallel;
        var rankings = Retrieve(input, options, cache, cancellationToken, out var retrieverIdentity);
        // One deadline for all of the run's model calls, answers and judgments alike, counted from the first of them.
        var deadline = deadlineAfter is { } after ? new JudgeDeadline(after, LlmSettings.DeadlineSetting) : null;
        var retrieved = golden.Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<Segment>)rankings[q.Id].Select(r => golden.FindSegment(r.Id)!).ToList(), StringComparer.Ordinal);
        var answers = await Answer(session.Answers, golden.Questions, retrieved, parallel, options.Progress, deadline, cancellationToken).ConfigureAwait(false);

        var tasks = new List<(string QuestionId, int Index, MetricTask Task)>();
        var graded = golden.Questions.ToDictionary(q => q.Id, _ => new GradedMetric?[session.Judges.Count], StringComparer.Ordinal);
        foreach (var question in golden.Questions)
        {
            var answer = answers.GetValueOrDefault(question.Id);
            var context = answer is AnswerUnderTest produced ? produced.Context : session.AnswersOwnContext ? [] : retrieved[question.Id];
            var subject = new MetricSubject(question.Id, question.Text, (answer as AnswerUnderTest)?.Text, context);
            for (var j = 0; j < session.Judges.Count; j++)
            {
                var judge = session.Judges[j];
                graded[question.Id][j] = new GradedMetric(judge.Metric, judge.Identity, null);
                if (subject.Has(judge.Metric.Inputs)) tasks.Add((question.Id, j, new MetricTask(judge, subject)));
            }
        }
        var progress = options.Progress;
        var outcomes = await JudgeRunner.RunAsync(tasks.Select(t => t.Task).ToList(), parallel,
            progress is null ? null : new Progress<JudgeProgress>(p => progress.Report(new GateProgress(GateStage.Judging, p.Completed, p.Total))),
            cancellationToken, deadline).ConfigureAwait(false);
        for (var t = 0; t < tasks.Count; t++)
        {
            var (id, index, _) = tasks[t];
            graded[id][index] = graded[id][index]! with { Outcome = outcomes[t] };
        }

        var metrics = graded.ToDictionary(g => g.Key, g => (IReadOnlyList<GradedMetric>)g.Value.Select(m => m!).ToList(), StringComparer.Ordinal);
        var metricJudges = session.Judges.Select(j => new MetricJudgeIdentity(j.Metric, j.Identity)).ToList();
        var (labelledJudge, judged) = GateEvaluation.Labelled(metricJudges, metrics);

        return new GateEvaluation(
            input,
            retrieverIdentity,
            labelledJudge,
            "none",
            rankings,
            judged,
            new Dictionary<string, int>(),
            TimeSpan.Zero)
        {
            AnswerSource = session.Answers.Identity,
            Answers = answers,
            Metrics = metrics,
            MetricJudges = metricJudges,
        };
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

    /// <summary>
    /// Each question's answer under test, at most <paramref name="parallel"/> produced at once; questions without one are
    /// absent. Once <paramref name="deadline"/> passes, every answer not yet produced fails, naming the setting.
    /// </summary>
    static async Task<IReadOnlyDictionary<string, AnswerOutcome>> Answer(IAnswerProducer producer, IReadOnlyList<GoldenQuestion> questions,
        IReadOnlyDictionary<string, IReadOnlyList<Segment>> retrieved, int parallel, IProgress<GateProgress>? progress, JudgeDeadline? deadline,
        CancellationToken cancellationToken)
    {
        var outcomes = new AnswerOutcome?[questions.Count];
        var done = 0;
        // Golden answers are read, not produced: no model call for the deadline to bound.
        if (producer is GoldenAnswers) deadline = null;
        using var expired = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline is not null) expired.CancelAfter(deadline.Remaining);
        bool DeadlinePassed() => deadline is not null && expired.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
        // The loop stops only for the caller's cancellation; the deadline's ends each answer's call, not the loop.
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, questions.Count), options, async (index, token) =>
        {
            var question = questions[index];
            try
            {
                outcomes[index] = DeadlinePassed()
                    ? Unanswered(deadline!)
                    : await producer.AnswerAsync(question, retrieved[question.Id], expired.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (DeadlinePassed())
            {
                outcomes[index] = Unanswered(deadline!);
            }
            // Golden answers are read, not produced: nothing to show progress for.
            if (producer is not GoldenAnswers) progress?.Report(new GateProgress(GateStage.Answering, Interlocked.Increment(ref done), questions.Count));
        }).ConfigureAwait(false);
        return questions.Select((q, i) => (q.Id, Outcome: outcomes[i]))
            .Where(p => p.Outcome is not null)
            .ToDictionary(p => p.Id, p => p.Outcome!, StringComparer.Ordinal);
    }

    static AnswerFailure Unanswered(JudgeDeadline deadline) =>
        new(ModelCalls.ModelCallFailure.CallFailed, $"not answered: {deadline.Passed()} before its answer was produced");
}
