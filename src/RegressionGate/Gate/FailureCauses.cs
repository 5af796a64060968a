using System.Globalization;
using RegressionGate.Answers;
using RegressionGate.Identities;
using RegressionGate.ModelCalls;
using RegressionGate.Judging;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>
/// Finds the causes of a run's failing checks by comparing what the verified snapshots recorded with what this run
/// measured: the retriever's and judge's identities, the question's text, the text hash of every segment a verified
/// ranking holds, and the judged answer's hash. A failure nothing explains gets the cause "unexplained", so every
/// failing check has at least one cause.
/// </summary>
internal static class FailureCauses
{
    /// <summary>More segments with changed text than this are one cause ("text of 12 segments changed"), not one each.</summary>
    const int SegmentsListed = 5;

    /// <summary>The causes of <paramref name="result"/>'s failing checks, those affecting most questions first.</summary>
    public static IReadOnlyList<Cause> Find(GateResult result)
    {
        var found = new Causes(result.Questions.Select(q => q.Question.Id));
        var edited = EditedSegments(result);
        foreach (var question in result.Questions)
        {
            var id = question.Question.Id;
            if (!question.Retrieval.Passed) Retrieval(found, result, question, edited, new CausedFailure(id, QuestionCheck.Retrieval));
            if (question.Judgment is { Passed: false }) Judgment(found, result, question, new CausedFailure(id, QuestionCheck.Judgment));
            // The produced answer and the other metrics are downstream of the ranking and the answer: what explains
            // those explains them too, so a changed segment is one cause of a question's context relevance and
            // groundedness as well, instead of a line per metric with no cause at all.
            var upstream = found.Of(new CausedFailure(id, QuestionCheck.Retrieval))
                .Concat(found.Of(new CausedFailure(id, QuestionCheck.Judgment)))
                .Where(c => c.Kind is not (CauseKind.Unexplained or CauseKind.NoBaseline or CauseKind.JudgeFailed))
                .ToList();
            if (question.AnswerCheck is { Passed: false }) Answer(found, question, upstream, new CausedFailure(id, QuestionCheck.Answer));
            foreach (var metric in question.Metrics.Where(m => !m.Metric.Labelled && !m.Passed))
                Metric(found, metric, upstream, new CausedFailure(id, QuestionCheck.Metric));
        }
        return found.Merged();
    }

    static void Answer(Causes found, QuestionResult question, IReadOnlyList<FoundCause> upstream, CausedFailure failure)
    {
        if (question.Answer is AnswerFailure answerFailure)
        {
            found.Add(CauseKind.JudgeFailed, answerFailure.Kind == ModelCallFailure.MissingRecording
                ? "no recording of the answer's request (replay): record it with --llm record"
                : "the call for the answer failed", failure);
            return;
        }
        Downstream(found, upstream, question.AnswerBaseline is null, "answer changed with the same context (the model's nondeterminism?)", failure);
    }

    static void Metric(Causes found, MetricCheck metric, IReadOnlyList<FoundCause> upstream, CausedFailure failure)
    {
        var name = metric.Metric.Name;
        if (metric.Outcome is JudgeFailure judgeFailure)
        {
            // Named by metric: a ranking change leaves context relevance without recordings for the segments that
            // entered, and "record it" is the cause the reviewer acts on, once for all the questions it affects.
            found.Add(CauseKind.JudgeFailed, JudgeFailed(judgeFailure.Kind, request: $"a {name} request", judge: $"the {name} judge's"), failure);
        }
        Downstream(found, upstream, metric.BaselineScore is null && metric.PartsBaseline is null, $"{name} moved with the same ranking and answer (the model's nondeterminism?)", failure);
    }

    /// <summary>A judge failure in words: "no recording of {request} (replay): …", "{judge} output had no readable score".</summary>
    static string JudgeFailed(JudgeFailureKind kind, string request, string judge) => kind switch
    {
        JudgeFailureKind.MissingRecording => $"no recording of {request} (replay): record it with --llm record",
        JudgeFailureKind.UnreadableScore => $"{judge} output had no readable score",
        _ => $"the call to {judge} model failed",
    };

    /// <summary>Adds a downstream failure to the causes upstream of it; else to "no baseline" or "unexplained".</summary>
    static void Downstream(Causes found, IReadOnlyList<FoundCause> upstream, bool noBaseline, string unexplained, CausedFailure failure)
    {
        foreach (var cause in upstream) found.Add(cause.Kind, cause.Description, failure, cause.Segment);
        if (upstream.Count > 0 || found.Explains(failure)) return;
        if (noBaseline) found.Add(CauseKind.NoBaseline, "no verified snapshot to compare with", failure);
        else found.Add(CauseKind.Unexplained, unexplained, failure);
    }

    static void Retrieval(Causes found, GateResult result, QuestionResult question, IReadOnlyDictionary<string, CauseKind> edited, CausedFailure failure)
    {
        if (question.Baseline is not { } baseline)
        {
            found.Add(CauseKind.NoBaseline, "no verified snapshot to compare with", failure);
            return;
        }
        var explained = false;
        if (baseline.Question != question.Question.Text)
            explained = found.Add(CauseKind.QuestionChanged, "question text changed", failure);
        if (Changes(baseline.Retriever, result.Retriever) is { } retriever)
            explained = found.Add(CauseKind.RetrieverChanged, $"retriever changed ({retriever})", failure);
        var ranked = baseline.Ranking.Concat(question.Ranking).Select(s => s.Id).Distinct(StringComparer.Ordinal);
        foreach (var segment in ranked)
        {
            if (!edited.TryGetValue(segment, out var kind)) continue;
            explained = found.Add(kind, kind == CauseKind.SegmentRemoved ? $"segment {segment} removed from the corpus" : $"segment {segment} text changed", failure, segment);
        }
        if (!explained)
            found.Add(CauseKind.Unexplained, "ranking moved with the same retriever, question and ranked segments (other corpus edits?)", failure);
    }

    static void Judgment(Causes found, GateResult result, QuestionResult question, CausedFailure failure)
    {
        var explained = false;
        if (question.JudgeBaseline is { } baseline)
        {
            if (result.Judge is { } judge && Changes(baseline.Judge, judge) is { } changes)
                explained = found.Add(CauseKind.JudgeChanged, $"judge changed ({changes})", failure);
            if (baseline.AnswerHash is { } was && question.Question.Answer is { } answer && TextHash.Of(answer) != was)
                explained = found.Add(CauseKind.AnswerChanged, "answer text changed", failure);
        }
        if (question.Judged is JudgeFailure judgeFailure)
        {
            found.Add(CauseKind.JudgeFailed, JudgeFailed(judgeFailure.Kind, request: "the judge's request", judge: "the judge's"), failure);
            return;
        }
        if (question.JudgeBaseline is null)
        {
            found.Add(CauseKind.NoBaseline, "no verified snapshot to compare with", failure);
            return;
        }
        if (!explained)
            found.Add(CauseKind.Unexplained, "judgment moved with the same judge and answer (the model's nondeterminism?)", failure);
    }

    /// <summary>
    /// Segments whose text differs from the hash some verified ranking recorded for them, or that left the corpus. The
    /// first hash found counts; every verified ranking was made from one corpus, so they agree.
    /// </summary>
    static Dictionary<string, CauseKind> EditedSegments(GateResult result)
    {
        var verified = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var baseline in result.Questions.Select(q => q.Baseline).OfType<RetrievalSnapshot>())
        {
            foreach (var (id, hash) in baseline.SegmentHashes ?? new Dictionary<string, string>()) verified.TryAdd(id, hash);
        }
        var edited = new Dictionary<string, CauseKind>(StringComparer.Ordinal);
        foreach (var (id, hash) in verified)
        {
            if (result.Golden.FindSegment(id) is not { } segment) edited[id] = CauseKind.SegmentRemoved;
            else if (TextHash.Of(segment.Text) != hash) edited[id] = CauseKind.SegmentChanged;
        }
        // A verified ranking without hashes (an older snapshot) can still name a segment the corpus lost.
        foreach (var id in result.Questions.Select(q => q.Baseline).OfType<RetrievalSnapshot>().SelectMany(b => b.Ranking).Select(s => s.Id))
        {
            if (result.Golden.FindSegment(id) is null) edited[id] = CauseKind.SegmentRemoved;
        }
        return edited;
    }

    /// <summary>
    /// What changed between two identities in a few words: the new kind alone when the kind changed (every setting of
    /// the old kind differs then), else every changed setting. Null when nothing did.
    /// </summary>
    static string? Changes(Identity before, Identity after)
    {
        if (before.Kind != after.Kind) return $"{before.Kind} → {after.Kind}";
        var changes = after.ChangesFrom(before);
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    /// <summary>Causes as they are found, one per kind and description, in the order first found.</summary>
    sealed class Causes(IEnumerable<string> questionOrder)
    {
        readonly Dictionary<string, int> order = questionOrder.Distinct(StringComparer.Ordinal)
            .Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

        readonly List<(CauseKind Kind, string Description, string? Segment, List<CausedFailure> Failures)> causes = [];

        /// <summary>The causes found so far for <paramref name="failure"/>, in the order found.</summary>
        public IReadOnlyList<FoundCause> Of(CausedFailure failure) =>
            causes.Where(c => c.Failures.Contains(failure)).Select(c => new FoundCause(c.Kind, c.Description, c.Segment)).ToList();

        /// <summary>Whether some cause already explains <paramref name="failure"/>.</summary>
        public bool Explains(CausedFailure failure) => causes.Any(c => c.Failures.Contains(failure));

        /// <summary>Adds <paramref name="failure"/> to its cause; returns true, so callers can note it was explained.</summary>
        public bool Add(CauseKind kind, string description, CausedFailure failure, string? segment = null)
        {
            var index = causes.FindIndex(c => c.Kind == kind && c.Description == description);
            if (index < 0)
            {
                causes.Add((kind, description, segment, []));
                index = causes.Count - 1;
            }
            if (!causes[index].Failures.Contains(failure)) causes[index].Failures.Add(failure);
            return true;
        }

        /// <summary>
        /// The causes, most questions first; many edited segments fold into one cause, since a chunking or corpus-wide
        /// change would otherwise print a line per segment.
        /// </summary>
        public IReadOnlyList<Cause> Merged()
        {
            var list = causes.Select(c => (c.Kind, c.Description, c.Segment, Failures: (IReadOnlyList<CausedFailure>)c.Failures)).ToList();
            var edits = list.Where(c => c.Kind == CauseKind.SegmentChanged).ToList();
            if (edits.Count > SegmentsListed)
            {
                list.RemoveAll(c => c.Kind == CauseKind.SegmentChanged);
                var ids = edits.Select(e => e.Segment!).ToList();
                var named = string.Join(", ", ids.Take(SegmentsListed)) + (ids.Count > SegmentsListed ? ", …" : "");
                list.Add((CauseKind.SegmentChanged, $"text of {ids.Count.ToString(CultureInfo.InvariantCulture)} segments changed ({named})", null,
                    edits.SelectMany(e => e.Failures).Distinct().ToList()));
            }
            return list
                .Select(c => new Cause(c.Kind, c.Description, Ordered(c.Failures)))
                .OrderByDescending(c => c.QuestionIds.Count)
                .ThenBy(c => c.Kind)
                .ToList();
        }

        List<CausedFailure> Ordered(IReadOnlyList<CausedFailure> failures) =>
            failures.OrderBy(f => order.GetValueOrDefault(f.QuestionId, int.MaxValue)).ThenBy(f => f.Check).ToList();
    }

    /// <summary>A cause as found, before the causes are merged: what a downstream failure inherits.</summary>
    readonly record struct FoundCause(CauseKind Kind, string Description, string? Segment);
}
