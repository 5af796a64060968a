using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Reports;

/// <summary>
/// <c>gate-report.json</c>, the machine-readable report: everything the Markdown shows and more (every question's
/// ranking with baseline ranks, judge outcomes with both reasonings). Its fields are documented in this folder's
/// README.md (a test keeps the two in step); every field is always written, <c>null</c> where there is no value.
/// </summary>
internal static partial class JsonReport
{
    public const string Schema = "regression-gate/report/v2";

    public static string Render(GateResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, result);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    static void Write(Utf8JsonWriter w, GateResult result)
    {
        var k = result.K();
        var disagreements = result.Disagreements();
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("verdict", result.Passed ? "passed" : "failed");
        w.WriteString("headline", Headline.For(result));
        Number(w, "elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        w.WriteString("llmMode", result.LlmMode);
        String(w, "shard", result.Shard?.ToString());

        w.WriteStartObject("golden");
        w.WriteString("directory", result.Golden.Directory);
        w.WriteNumber("questions", result.Golden.Questions.Count);
        w.WriteNumber("segments", result.Golden.Corpus.Count);
        w.WriteEndObject();

        Identity(w, "retriever", result.Retriever.Properties);
        if (result.Judge is { } judge) Identity(w, "judge", judge.Properties);
        else w.WriteNull("judge");
        Identity(w, "answers", result.AnswerSource.Properties);
        w.WriteStartArray("metrics");
        foreach (var (metric, identity) in result.MetricJudges)
        {
            w.WriteStartObject();
            w.WriteString("name", metric.Name);
            w.WriteString("title", metric.Title);
            w.WriteString("abbreviation", metric.Abbreviation);
            w.WriteString("unit", JsonNamingPolicy.CamelCase.ConvertName(metric.UnitKind.ToString()));
            w.WriteBoolean("labelled", metric.Labelled);
            Identity(w, "judge", identity.Properties);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("counts");
        w.WriteNumber("questions", result.Questions.Count);
        w.WriteNumber("failedQuestions", result.Failing.Count());
        w.WriteNumber("retrievalFailures", result.Questions.Count(q => !q.Retrieval.Passed));
        w.WriteNumber("judged", result.Questions.Count(q => q.Judged is Judgment));
        w.WriteNumber("judgeFailures", result.Questions.Count(q => q.Judged is JudgeFailure));
        w.WriteNumber("judgmentFailures", result.Questions.Count(q => q.Judgment is { Passed: false }));
        w.WriteNumber("answerFailures", result.Questions.Count(q => q.AnswerCheck is { Passed: false }));
        w.WriteNumber("metricFailures", result.Questions.Sum(q => q.Metrics.Count(m => !m.Metric.Labelled && !m.Passed)));
        w.WriteNumber("disagreements", disagreements.Count);
        w.WriteNumber("receivedSnapshots", result.ReceivedSnapshots().Count);
        w.WriteEndObject();

        WriteAggregates(w, result, k);
        WriteCauses(w, result.Causes);
        WriteAgreement(w, result.Agreement);

        w.WriteStartObject("recordings");
        foreach (var (source, count) in result.RecordingsByProvenance()) w.WriteNumber(source, count);
        w.WriteEndObject();

        var hint = ApprovalHint.For(result);
        w.WriteStartObject("approval");
        w.WriteBoolean("needed", hint.Needed);
        w.WriteString("dryRunCommand", hint.DryRunCommand);
        w.WriteString("command", hint.Command);
        w.WriteString("reviewCommand", hint.ReviewCommand);
        Strings(w, "receivedSnapshots", hint.ReceivedSnapshots);
        Strings(w, "floorViolations", hint.FloorViolations);
        w.WriteEndObject();

        Strings(w, "failing", result.Failing.Select(q => q.Question.Id));
        Strings(w, "disagreements", disagreements.Select(q => q.Question.Id));

        w.WriteStartArray("questions");
        foreach (var question in result.Questions) WriteQuestion(w, result, question, k);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteAggregates(Utf8JsonWriter w, GateResult result, int k)
    {
        w.WriteStartObject("aggregates");
        WriteVerdict(w, result.SummaryVerdict);
        w.WriteNumber("k", k);
        Number(w, "retrievalQuestions", result.Summary.Retrieval?.Questions);
        Number(w, "judgedAnswers", result.Summary.Judge?.Answers);
        Number(w, "resamples", result.Agreement?.Resamples ?? (result.RetrievalIntervals is null ? null : Judging.Agreement.DefaultResamples));
        Number(w, "seed", result.Agreement?.Seed ?? (result.RetrievalIntervals is null ? null : Judging.Agreement.DefaultSeed));
        w.WriteStartArray("metrics");
        foreach (var row in AggregateRow.From(result))
        {
            w.WriteStartObject();
            w.WriteString("key", row.Key);
            w.WriteString("name", row.Name);
            Number(w, "baseline", row.Baseline);
            Number(w, "current", row.Current);
            Number(w, "delta", row.Delta);
            Number(w, "low", row.Interval?.Low);
            Number(w, "high", row.Interval?.High);
            Number(w, "tolerance", row.Tolerance);
            Number(w, "floor", row.Floor);
            w.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(row.Status.ToString()));
            w.WriteBoolean("failed", row.Failed);
            String(w, "undefined", row.Undefined);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteAgreement(Utf8JsonWriter w, AgreementReport? agreement)
    {
        if (agreement is null)
        {
            w.WriteNull("agreement");
            return;
        }
        w.WriteStartObject("agreement");
        w.WriteNumber("answers", agreement.Count);
        Strings(w, "labels", Labels.All.Select(l => l.ToString()));
        w.WriteStartArray("matrix");
        foreach (var row in agreement.Matrix.Rows)
        {
            w.WriteStartArray();
            foreach (var count in row) w.WriteNumberValue(count);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteCauses(Utf8JsonWriter w, IReadOnlyList<Cause> causes)
    {
        w.WriteStartArray("causes");
        foreach (var cause in causes)
        {
            w.WriteStartObject();
            w.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(cause.Kind.ToString()));
            w.WriteString("description", cause.Description);
            Strings(w, "questions", cause.QuestionIds);
            Strings(w, "checks", cause.Checks.Select(c => c.Name()));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    static void WriteQuestion(Utf8JsonWriter w, GateResult result, QuestionResult question, int k)
    {
        var q = question.Question;
        w.WriteStartObject();
        w.WriteString("id", q.Id);
        w.WriteString("text", q.Text);
        w.WriteBoolean("passed", question.Passed);
        Strings(w, "causes", result.CausesOf(question).Select(c => c.Description));
        String(w, "answer", q.Answer);
        String(w, "manual", q.Manual?.ToString());
        Strings(w, "relevant", q.Relevant);

        w.WriteStartObject("retrieval");
        WriteVerdict(w, question.Retrieval);
        w.WriteBoolean("baseline", question.Baseline is not null);
        Number(w, "overlap", question.Overlap);
        var metrics = question.Metrics(k);
        Number(w, "recall", metrics?.Recall);
        Number(w, "reciprocalRank", metrics?.ReciprocalRank);
        Number(w, "ndcg", metrics?.Ndcg);
        var rows = RankRow.Compare(question.Ranking, question.Baseline?.Ranking);
        w.WriteStartArray("ranking");
        foreach (var row in rows.Where(r => !r.Dropped))
        {
            w.WriteStartObject();
            Number(w, "rank", row.Rank);
            w.WriteString("id", row.Id);
            Number(w, "score", row.Score);
            Number(w, "baselineRank", row.BaselineRank);
            Number(w, "baselineScore", row.BaselineScore);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("dropped");
        foreach (var row in rows.Where(r => r.Dropped))
        {
            w.WriteStartObject();
            w.WriteString("id", row.Id);
            Number(w, "baselineRank", row.BaselineRank);
            Number(w, "baselineScore", row.BaselineScore);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        WriteJudgment(w, question);
        WriteAnswer(w, question);
        WriteMetrics(w, question);
        w.WriteEndObject();
    }

    static void WriteAnswer(Utf8JsonWriter w, QuestionResult question)
    {
        if (question.AnswerCheck is not { } check)
        {
            w.WriteNull("answerUnderTest");
            return;
        }
        w.WriteStartObject("answerUnderTest");
        WriteVerdict(w, check);
        var produced = question.Answer as AnswerUnderTest;
        String(w, "text", produced?.Text);
        if (produced is null) w.WriteNull("context");
        else Strings(w, "context", produced.Context.Select(s => s.Id));
        if (produced is null) w.WriteNull("references");
        else Strings(w, "references", produced.References.Select(s => s.Id));
        var failure = question.Answer as AnswerFailure;
        Failure(w, failure?.Kind.ToString(), failure?.Message, failure?.RawOutput, failure?.RecordingKey);
        String(w, "baselineText", question.AnswerBaseline?.Answer);
        w.WriteEndObject();
    }

    /// <summary>
    /// The <c>failure</c> object of a judgment or an answer (their failure kinds are separate enums, named alike), or
    /// null when <paramref name="kind"/> is.
    /// </summary>
    static void Failure(Utf8JsonWriter w, string? kind, string? message, string? rawOutput, string? recordingKey)
    {
        if (kind is null)
        {
            w.WriteNull("failure");
            return;
        }
        w.WriteStartObject("failure");
        w.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(kind));
        w.WriteString("message", message);
        String(w, "rawOutput", rawOutput);
        String(w, "recordingKey", recordingKey);
        w.WriteEndObject();
    }

    static void WriteMetrics(Utf8JsonWriter w, QuestionResult question)
    {
        w.WriteStartArray("metrics");
        foreach (var check in question.Metrics)
        {
            w.WriteStartObject();
            w.WriteString("name", check.Metric.Name);
            w.WriteString("outcome", check.Outcome switch { null => "notGraded", JudgeFailure => "failed", _ => "graded" });
            Number(w, "score", check.Score);
            Number(w, "baselineScore", check.BaselineScore);
            String(w, "change", check.Change());
            if (check.Verdict is { } verdict)
            {
                w.WriteStartObject("check");
                WriteVerdict(w, verdict);
                w.WriteEndObject();
            }
            else w.WriteNull("check");
            w.WriteStartArray("parts");
            foreach (var part in (check.Outcome as MetricJudgment)?.Parts ?? [])
            {
                w.WriteStartObject();
                w.WriteString("id", part.Unit.Id);
                String(w, "text", check.Metric.UnitKind == UnitKind.Statement ? part.Unit.Text : null);
                Number(w, "score", part.Score);
                Number(w, "normalised", part.Normalised);
                w.WriteBoolean("flagged", part.Flagged);
                w.WriteString("reasoning", part.Reasoning);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var failure = check.Outcome as JudgeFailure;
            Failure(w, failure?.Kind.ToString(), failure?.Message, failure?.RawOutput, failure?.RecordingKey);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    static void WriteJudgment(Utf8JsonWriter w, QuestionResult question)
    {
        if (question.Judgment is not { } verdict)
        {
            w.WriteNull("judgment");
            return;
        }
        var judgment = question.CurrentJudgment();
        var failure = question.JudgeFailure();
        w.WriteStartObject("judgment");
        WriteVerdict(w, verdict);
        w.WriteString("outcome", judgment is not null ? "judged" : "failed");
        Number(w, "score", judgment?.Score);
        Number(w, "normalised", judgment?.Normalised);
        String(w, "automated", judgment?.Label.ToString());
        if (judgment is null) w.WriteNull("scores");
        else
        {
            w.WriteStartArray("scores");
            foreach (var score in judgment.Scores) w.WriteNumberValue(score);
            w.WriteEndArray();
        }
        Number(w, "spread", judgment?.Spread);
        if (judgment is null) w.WriteNull("flaky");
        else w.WriteBoolean("flaky", judgment.Flaky);
        String(w, "reasoning", judgment?.Reasoning);
        if (judgment is null || question.Question.Manual is null) w.WriteNull("agreesWithManual");
        else w.WriteBoolean("agreesWithManual", !question.Disagrees());

        Failure(w, failure?.Kind.ToString(), failure?.Message, failure?.RawOutput, failure?.RecordingKey);

        if (question.JudgeBaseline is not { } baseline) w.WriteNull("baseline");
        else
        {
            w.WriteStartObject("baseline");
            Number(w, "score", baseline.Score);
            Number(w, "normalised", baseline.Normalised);
            w.WriteString("automated", baseline.Automated.ToString());
            w.WriteString("reasoning", baseline.Reasoning);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    static void WriteVerdict(Utf8JsonWriter w, Verdict verdict)
    {
        w.WriteBoolean("passed", verdict.Passed);
        Strings(w, "failures", verdict.Failures);
        Strings(w, "notes", verdict.Notes);
        String(w, "receivedPath", verdict.ReceivedPath);
    }

    /// <summary>
    /// An identity with typed values: a value written as a plain decimal number (<c>10</c>, <c>0.75</c>, as identities
    /// write numbers) is a JSON number, <c>true</c>/<c>false</c> a boolean, anything else a string. Hashes stay
    /// strings: 64 hex digits are no plain decimal unless all are digits, and then they are longer than a number keeps.
    /// </summary>
    static void Identity(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, string>> properties)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in properties)
        {
            if (value is "true" or "false") w.WriteBoolean(key, value == "true");
            else if (PlainNumber().IsMatch(value)) w.WriteNumber(key, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            else w.WriteString(key, value);
        }
        w.WriteEndObject();
    }

    /// <summary>A number as identities write one: optional minus, no leading zeros, optional decimals, at most 15 digits.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,14})?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    /// <summary>A number, or null when absent or not finite (JSON has no NaN).</summary>
    static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
