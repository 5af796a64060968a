using System.Globalization;
using System.Text;
using RegressionGate.Answers;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;

namespace RegressionGate.Gate;

/// <summary>
/// What a record (or refresh, or live) run would call, per metric and for the answers, before anything is called:
/// <c>run --dry-run</c>. Counts are of distinct requests, as the recording client makes identical requests once.
/// Answers the run would still have to generate are planned as three statements each; answers an endpoint has not
/// given yet cannot be graded in a plan, so their metric calls are estimated the same way and marked so.
/// </summary>
public sealed record RecordPlan(RecordingMode Mode, int Questions, IReadOnlyList<RecordPlanRow> Rows)
{
    /// <summary>Statements a not-yet-generated answer is assumed to hold.</summary>
    public const int AssumedStatements = 3;

    /// <summary>Every row added up.</summary>
    public RecordPlanRow Total => new("total", Rows.Sum(r => r.Requests), Rows.Sum(r => r.Recorded), Rows.Sum(r => r.Calls),
        Rows.Sum(r => r.InputTokens), Rows.Sum(r => r.OutputTokens), Rows.Any(r => r.Estimated));

    internal static RecordPlan From(GateEvaluation evaluation, EvaluationSession session, RecordingMode mode)
    {
        var requests = session.PlannedRequests;
        var rows = new List<RecordPlanRow>();
        var answers = requests.Where(r => r.Group == GroundedAnswer.PromptVersion || r.Group.StartsWith("endpoint ", StringComparison.Ordinal)).ToList();
        if (evaluation.AnswerSource.Produced)
            rows.Add(Row($"{evaluation.AnswerSource.Kind} answers", answers, estimated: false));

        // Questions whose endpoint answer is not recorded: the plan cannot read an answer from a placeholder reply.
        var unanswered = evaluation.AnswerSource.Kind == AnswerSource.Endpoint.Name() ? answers.Count(a => !a.Recorded) : 0;
        var repeats = evaluation.Settings.Judge.Repeats;
        foreach (var (metric, _) in evaluation.MetricJudges)
        {
            var own = requests.Where(r => metric is RubricMetric rubric ? r.Group == rubric.PromptVersion : r.Group == metric.Name).ToList();
            var row = Row(metric.Name, own, estimated: false);
            if (unanswered > 0 && metric.Inputs.HasFlag(MetricInputs.Answer))
            {
                var units = metric.UnitKind == UnitKind.Statement ? AssumedStatements : 1;
                var extra = unanswered * units * repeats;
                var tokens = own.Count == 0 ? 1000 : (int)own.Average(r => r.InputTokens);
                row = row with
                {
                    Requests = row.Requests + extra,
                    Calls = row.Calls + extra,
                    InputTokens = row.InputTokens + extra * tokens,
                    OutputTokens = row.OutputTokens + extra * PlanningChatClient.OutputTokens,
                    Estimated = true,
                };
            }
            rows.Add(row);
        }
        var known = rows.Select(r => r.What).ToHashSet(StringComparer.Ordinal);
        var others = requests.Except(answers).Where(r => !evaluation.MetricJudges.Any(j => j.Metric is RubricMetric rubric && rubric.PromptVersion == r.Group));
        foreach (var group in others.GroupBy(r => r.Group, StringComparer.Ordinal).Where(g => !known.Contains(g.Key)))
            rows.Add(Row(group.Key, group.ToList(), estimated: false));
        return new RecordPlan(mode, evaluation.Golden.Questions.Count, rows);
    }

    static RecordPlanRow Row(string what, IReadOnlyList<PlannedRequest> requests, bool estimated)
    {
        var calls = requests.Where(r => r.Call).ToList();
        return new RecordPlanRow(what, requests.Count, requests.Count(r => r.Recorded), calls.Count,
            calls.Sum(r => r.InputTokens), calls.Sum(r => r.OutputTokens), estimated);
    }

    /// <summary>The plan as a table for a terminal, with what the counts mean.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var verb = Mode switch
        {
            RecordingMode.Refresh => "a refresh run would call the model for every request",
            RecordingMode.Live => "a live run would call the model for every request and save nothing",
            _ => "a record run would call the model for each request without a recording",
        };
        text.Append(Invariant($"plan over {Questions} questions: {verb}; nothing was called or written\n"));
        text.Append(Invariant($"  {"what",-22} {"requests",9} {"recorded",9} {"calls",7} {"tokens in",11} {"tokens out",11}\n"));
        foreach (var row in Rows.Append(Total)) text.Append(Line(row));
        text.Append(Invariant($"Tokens are estimates: {PlanningChatClient.CharactersPerToken} characters a token in, {PlanningChatClient.OutputTokens} out per call."));
        if (Rows.Any(r => r.Estimated))
            text.Append(Invariant($" * answers not yet given count {AssumedStatements} statements each; their metric calls are estimated."));
        return text.Append('\n').ToString();
    }

    static string Line(RecordPlanRow row) => Invariant(
        $"  {row.What + (row.Estimated ? " *" : ""),-22} {row.Requests,9:N0} {row.Recorded,9:N0} {row.Calls,7:N0} {row.InputTokens,11:N0} {row.OutputTokens,11:N0}\n");

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One line of a <see cref="RecordPlan"/>: a metric, or the answers.</summary>
/// <param name="Requests">Distinct requests the run would make.</param>
/// <param name="Recorded">Of those, already recorded.</param>
/// <param name="Calls">Of those, calls to the model.</param>
/// <param name="Estimated">Part of the counts is an estimate (answers not given yet).</param>
public sealed record RecordPlanRow(string What, int Requests, int Recorded, int Calls, long InputTokens, long OutputTokens, bool Estimated);
