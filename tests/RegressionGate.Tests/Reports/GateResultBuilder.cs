using System.Globalization;
using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Reports;

/// <summary>
/// Builds a <see cref="GateResult"/> in code: a golden set of segments s1…sN and the questions described, each with a
/// ranking, an optional baseline, a judge outcome and verdicts. Aggregates, agreement and intervals are computed by the
/// product's own measures, so a report shows what a real run would.
/// </summary>
internal sealed class GateResultBuilder(string goldenDirectory)
{
    public const int K = 10;

    readonly List<QuestionSpec> questions = [];
    readonly List<string> summaryFailures = [];
    Func<SummarySnapshot, SummarySnapshot?> summaryBaseline = current => current;
    Dictionary<string, int> recordings = new(StringComparer.Ordinal) { ["authored"] = 3, ["imported"] = 1 };
    bool withJudge = true;
    readonly Dictionary<string, string> editedSegments = new(StringComparer.Ordinal);
    bool triad;
    bool generated;

    public int CorpusSize { get; init; } = 40;

    public GateResultBuilder Question(string id, Action<QuestionSpec>? configure = null)
    {
        var spec = new QuestionSpec(id);
        configure?.Invoke(spec);
        questions.Add(spec);
        return this;
    }

    /// <summary>The verified summary before the run, made from this run's; by default the same, as after an approval.</summary>
    public GateResultBuilder SummaryBaseline(Func<SummarySnapshot, SummarySnapshot?> baseline)
    {
        summaryBaseline = baseline;
        return this;
    }

    public GateResultBuilder SummaryFailure(string message)
    {
        summaryFailures.Add(message);
        return this;
    }

    public GateResultBuilder Recordings(params (string Source, int Count)[] counts)
    {
        recordings = counts.ToDictionary(c => c.Source, c => c.Count, StringComparer.Ordinal);
        return this;
    }

    /// <summary>Gives segment <paramref name="id"/> other text than the verified rankings recorded for it.</summary>
    public GateResultBuilder EditSegment(string id, string text)
    {
        editedSegments[id] = text;
        return this;
    }

    public GateResultBuilder WithoutJudge()
    {
        withJudge = false;
        recordings = new Dictionary<string, int>(StringComparer.Ordinal);
        return this;
    }

    /// <summary>Context relevance and groundedness run besides answer relevance, each question's parts as its spec says.</summary>
    public GateResultBuilder WithTriad()
    {
        triad = true;
        return this;
    }

    /// <summary>The answers under test were generated (and snapshotted) rather than read from the golden set.</summary>
    public GateResultBuilder Generated()
    {
        generated = true;
        return this;
    }

    public static readonly JudgeIdentity ArJudge = new([new("kind", "answer-relevance"), new("model", "gpt-4o-mini"), new("promptVersion", "ar-v1")]);

    static IReadOnlyList<MetricJudgeIdentity> Judges() =>
    [
        new(AnswerRelevanceMetric.Default, ArJudge),
        new(new ContextRelevanceMetric(), new ContextRelevanceMetric().Identity("gpt-4o-mini", 1)),
        new(new GroundednessMetric(), new GroundednessMetric().Identity("gpt-4o-mini", 1)),
    ];

    public GateResult Build()
    {
        var corpus = Enumerable.Range(1, CorpusSize).Select(i => new Segment(
            Invariant($"s{i}"), "aula-01", "Redes neurais", null,
            new TimeCode(i * 60), new TimeCode(i * 60 + 30),
            editedSegments.GetValueOrDefault(Invariant($"s{i}")) ?? OriginalText(i))).ToList();
        var golden = new GoldenSet(goldenDirectory, corpus,
            questions.Select(q => new GoldenQuestion(q.Id, q.Text, q.Answer, q.Manual, q.Relevant)).ToList());
        var tolerances = new Tolerances();

        var results = questions.Select(q =>
        {
            var baseline = q.BaselineRanking is null ? null
                : new RetrievalSnapshot(q.Id, q.BaselineText ?? q.Text, q.BaselineRetriever ?? Identity(), q.BaselineRanking,
                    q.BaselineRanking.ToDictionary(s => s.Id, s => TextHash.Of(OriginalText(int.Parse(s.Id[1..], CultureInfo.InvariantCulture))), StringComparer.Ordinal));
            var overlap = baseline is null ? (double?)null
                : RankBiasedOverlap.Extrapolated(baseline.Ranking.Select(r => r.Id).ToList(), q.Ranking.Select(r => r.Id).ToList(), tolerances.RboP);
            var judged = withJudge ? q.Judged : null;
            Verdict? judgment = judged switch
            {
                JudgeFailure f => Verdict.Failed(f.ForQuestion(q.Id)),
                Judgment => VerdictOf(q.JudgmentFailures, Path.Combine(goldenDirectory, "snapshots", "judge", $"{q.Id}.received.json")),
                _ => null,
            };
            return new QuestionResult(
                golden.Questions.First(g => g.Id == q.Id),
                q.Ranking,
                baseline,
                overlap,
                VerdictOf(q.RetrievalFailures, Path.Combine(goldenDirectory, "snapshots", "retrieval", $"{q.Id}.received.json")),
                judged,
                judged is Judgment ? q.JudgeBaseline : null,
                judgment)
            {
                Metrics = triad ? MetricChecks(q, judged, judgment, corpus) : [],
                Answer = generated && q.Answer is not null
                    ? q.AnswerFailure ?? (AnswerOutcome)new AnswerUnderTest(q.Answer, q.Ranking.Select(r => corpus.First(c => c.Id == r.Id)).ToList(),
                        q.Ranking.Take(2).Select(r => corpus.First(c => c.Id == r.Id)).ToList())
                    : null,
                AnswerBaseline = generated && q.AnswerBaseline is not null
                    ? new AnswerSnapshot(q.Id, GeneratedIdentity, q.AnswerBaseline, q.Ranking.Select(r => r.Id).ToList(), q.Ranking.Take(2).Select(r => r.Id).ToList())
                    : null,
                AnswerCheck = !generated || q.Answer is null ? null
                    : q.AnswerFailure is { } failure ? Verdict.Failed(failure.ForQuestion(q.Id))
                    : VerdictOf(q.AnswerFailures, Path.Combine(goldenDirectory, "snapshots", "answers", $"{q.Id}.received.json")),
            };
        }).ToList();

        var measured = results
            .Select(r => ((IReadOnlyList<string>)r.Ranking.Select(s => s.Id).ToList(), (IReadOnlyCollection<string>)r.Question.Relevant))
            .ToList();
        var pairs = results
            .Where(r => r.Question.Manual is not null && r.Judged is Judgment)
            .Select(r => new LabelPair(r.Question.Manual!.Value, ((Judgment)r.Judged!).Label))
            .ToList();
        var agreement = pairs.Count == 0 ? null : Agreement.Compute(pairs);
        var metricScores = triad
            ? Judges().Select(j => (j.Metric.Name, (IReadOnlyList<double>)results.Select(r => r.Metric(j.Metric.Name)?.Score).OfType<double>().ToList())).ToList()
            : [];
        var judge = withJudge ? Judge() : null;
        var summary = new SummarySnapshot(
            RetrievalMetrics.Average(measured, K),
            agreement is null ? null : new JudgeAggregates(agreement.Count, agreement.Accuracy.Value ?? 0, agreement.Kappa.Value,
                agreement.LinearKappa.Value, agreement.QuadraticKappa.Value),
            new SummaryBasis(IdSet.Of(results.Select(r => r.Question.Id)), Identity(),
                IdSet.Of(results.Where(r => r.Question.Manual is not null && r.Judged is Judgment).Select(r => r.Question.Id)), judge))
        {
            Metrics = triad ? metricScores.Where(m => m.Item2.Count > 0).Select(m => new MetricAggregate(m.Name, m.Item2.Count, m.Item2.Average())).ToList() : null,
        };

        return new GateResult(
            new GateInput(golden, new GateSettings()),
            Identity(),
            judge,
            withJudge ? "replay" : "none",
            results,
            summary,
            summaryBaseline(summary),
            VerdictOf(summaryFailures, Path.Combine(goldenDirectory, "snapshots", "summary", "gate.received.json")),
            agreement,
            RetrievalIntervals.Compute(measured, K),
            recordings,
            TimeSpan.FromSeconds(12.5))
        {
            MetricJudges = triad ? Judges() : [],
            MetricIntervals = MetricIntervals.Compute(metricScores),
            AnswerSource = generated ? GeneratedIdentity : new GoldenAnswers().Identity,
        };
    }

    static readonly AnswerIdentity GeneratedIdentity = new([new("kind", "generate"), new("model", "gpt-4o-mini"), new("promptVersion", "answer-v1")]);

    /// <summary>Answer relevance from the question's judgment, then context relevance over its ranking and groundedness over its answer's statements.</summary>
    IReadOnlyList<MetricCheck> MetricChecks(QuestionSpec q, JudgeOutcome? judged, Verdict? judgment, IReadOnlyList<Segment> corpus)
    {
        var judges = Judges();
        var cr = new ContextRelevanceMetric();
        var g = new GroundednessMetric();
        var answer = q.AnswerFailure is null ? q.Answer : null;
        var subject = new MetricSubject(q.Id, q.Text, answer, q.Ranking.Select(r => corpus.First(c => c.Id == r.Id)).ToList());
        var contextParts = cr.Units(subject).Select((unit, i) => Part(cr, unit, q.ContextScores.ElementAtOrDefault(i))).ToList();
        JudgeOutcome context = MetricJudgment.Of(contextParts);
        JudgeOutcome? grounded = answer is null ? null
            : q.GroundednessFailure ?? (JudgeOutcome)MetricJudgment.Of(g.Units(subject).Select((unit, i) => Part(g, unit, i < q.GroundedScores.Count ? q.GroundedScores[i] : 3)).ToList());
        return
        [
            new MetricCheck(judges[0].Metric, judges[0].Judge, judged, q.JudgeBaseline?.Normalised, null, judgment),
            new MetricCheck(cr, judges[1].Judge, context, q.ContextBaseline, null, VerdictOf(q.ContextFailures, Received(cr, q.Id))),
            new MetricCheck(g, judges[2].Judge, grounded, q.GroundedBaseline, null,
                grounded is JudgeFailure f ? Verdict.Failed(f.ForQuestion(q.Id)) : grounded is null ? null : VerdictOf(q.GroundedFailures, Received(g, q.Id))),
        ];
    }

    string Received(JudgeMetric metric, string id) => Path.Combine(goldenDirectory, "snapshots", metric.SnapshotStage, $"{id}.received.json");

    static PartJudgment Part(RubricMetric metric, MetricUnit unit, int score)
    {
        var (normalised, flagged) = (score / 3.0, metric.FlagBelow is { } below && score / 3.0 < below);
        return new PartJudgment(unit, [score], score, normalised, $"Criteria: {metric.Title} of {unit.Id}.\nSupporting Evidence: authored for a test.\nScore: {score}", 0, flagged);
    }

    /// <summary>Segment s<paramref name="i"/>'s text when the baselines were verified.</summary>
    static string OriginalText(int i) => Invariant($"transcrição do segmento {i}");

    static Verdict VerdictOf(IReadOnlyList<string> failures, string receivedPath) =>
        failures.Count == 0 ? new Verdict(true, [], [], null) : new Verdict(false, failures.ToList(), [], receivedPath);

    public static JudgeIdentity Judge() => new([new("kind", "answer-relevance"), new("model", "gpt-4o-mini"), new("promptVersion", "ar-v1")]);

    public static RetrieverIdentity Identity() => new(
    [
        new("kind", "dense"),
        new("model", "bundled:all-MiniLM-L6-v2"),
        new("modelSha256", "34ab17963f6a8b991253b1f2316c63f745046745eb300ae2397a15d48eccebcc"),
        new("k", "10"),
    ]);

    /// <summary>A ranking of the given ids, best first, scores falling by 0.01 from 0.85.</summary>
    public static IReadOnlyList<RankedSegment> Ranking(params string[] ids) =>
        ids.Select((id, i) => new RankedSegment(i + 1, id, Math.Round(0.85 - 0.01 * i, 2))).ToList();

    public static Judgment JudgedWith(int score, string reasoning = "Criteria: relevant. Supporting Evidence: it answers. Score: 3") =>
        RegressionGate.Judging.Judgment.FromRepeats([(score, reasoning)], new LabelThresholds(), AnswerRelevancePrompt.MaxScore);

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One question of a built result; defaults give a passing question with a baseline, a manual C and a judged C.</summary>
internal sealed class QuestionSpec(string id)
{
    public string Id { get; } = id;
    public string Text { get; set; } = $"Pergunta {id}: qual é o objetivo da camada de pooling?";
    public string? Answer { get; set; } = "O pooling reduz a resolução espacial dos mapas de características.";
    public Label? Manual { get; set; } = Label.C;
    public IReadOnlyList<string> Relevant { get; set; } = ["s1", "s2"];
    public IReadOnlyList<RankedSegment> Ranking { get; set; } = GateResultBuilder.Ranking("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");
    public IReadOnlyList<RankedSegment>? BaselineRanking { get; set; } = GateResultBuilder.Ranking("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");
    public JudgeOutcome? Judged { get; set; } = GateResultBuilder.JudgedWith(3);
    public JudgeSnapshot? JudgeBaseline { get; set; }
    /// <summary>The verified ranking's retriever, when another than this run's.</summary>
    public RetrieverIdentity? BaselineRetriever { get; set; }
    /// <summary>The question's text when its ranking was verified, when other than now.</summary>
    public string? BaselineText { get; set; }
    public List<string> RetrievalFailures { get; } = [];
    public List<string> JudgmentFailures { get; } = [];

    /// <summary>Context relevance per ranked segment, in rank order (0–3); missing ones are 0.</summary>
    public IReadOnlyList<int> ContextScores { get; set; } = [3, 3, 2, 1, 0, 0, 0, 0, 0, 0];
    public double? ContextBaseline { get; set; }
    public List<string> ContextFailures { get; } = [];

    /// <summary>Groundedness per statement of the answer (0–3); missing ones are 3.</summary>
    public IReadOnlyList<int> GroundedScores { get; set; } = [];
    public double? GroundedBaseline { get; set; }
    public List<string> GroundedFailures { get; } = [];
    public JudgeFailure? GroundednessFailure { get; set; }

    /// <summary>For generated answers: the verified answer before the run, a failure instead of an answer, the check's failures.</summary>
    public string? AnswerBaseline { get; set; }
    public AnswerFailure? AnswerFailure { get; set; }
    public List<string> AnswerFailures { get; } = [];

    /// <summary>Judged with <paramref name="score"/> (0–3) and <paramref name="reasoning"/>.</summary>
    public QuestionSpec Judge(int score, string reasoning = "Criteria: relevant. Supporting Evidence: partly. Score: 2")
    {
        Judged = GateResultBuilder.JudgedWith(score, reasoning);
        return this;
    }

    /// <summary>
    /// The verified judgment before the run had this score and reasoning, by <paramref name="judge"/> (this run's judge
    /// when null), of <paramref name="answer"/> (the current answer when null).
    /// </summary>
    public QuestionSpec WasJudged(double score, string reasoning, JudgeIdentity? judge = null, string? answer = null)
    {
        JudgeBaseline = new JudgeSnapshot(Id, judge ?? GateResultBuilder.Judge(), score, score / 3,
            new LabelThresholds().LabelFor(score / 3), Manual, [score], 0, false, reasoning,
            (answer ?? Answer) is { } text ? TextHash.Of(text) : null);
        return this;
    }
}
