using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Reports;

/// <summary>
/// The numbers the HTML report's charts draw, as the JSON embedded in the page. Question ids are the only user text in
/// it; the serializer's default encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so it cannot end its script element.
/// </summary>
internal static class ChartData
{
    /// <summary>Retrieval metrics, confusion matrix, AR distribution per manual label and per-question overlap.</summary>
    public static JsonObject For(GateResult result, Func<QuestionResult, string> anchor)
    {
        var tolerances = result.Settings.Tolerances;
        return new JsonObject
        {
            ["metrics"] = new JsonArray(AggregateRow.From(result).Take(3).Select(row => (JsonNode)new JsonObject
            {
                ["key"] = row.Key,
                ["name"] = row.Name,
                ["baseline"] = Number(row.Baseline),
                ["current"] = Number(row.Current),
                ["low"] = Number(row.Interval?.Low),
                ["high"] = Number(row.Interval?.High),
                ["floor"] = row.Floor,
                ["failed"] = row.Failed,
            }).ToArray()),
            ["confusion"] = result.Agreement is { } agreement
                ? new JsonObject
                {
                    ["labels"] = new JsonArray(Labels.All.Select(l => (JsonNode)l.ToString()).ToArray()),
                    ["rows"] = new JsonArray(agreement.Matrix.Rows.Select(row => (JsonNode)new JsonArray(row.Select(n => (JsonNode)n).ToArray())).ToArray()),
                }
                : null,
            ["arDistribution"] = ArDistribution(result),
            ["metricDistributions"] = new JsonArray(result.MetricJudges.Select(j => (JsonNode)MetricDistribution(result, j.Metric)).ToArray()),
            ["overlap"] = new JsonObject
            {
                ["minimum"] = tolerances.RboMin,
                ["p"] = tolerances.RboP,
                ["questions"] = new JsonArray(result.Questions
                    .Where(q => q.Overlap is not null)
                    .OrderBy(q => q.Overlap)
                    .Select(q => (JsonNode)new JsonObject
                    {
                        ["id"] = q.Question.Id,
                        ["anchor"] = anchor(q),
                        ["value"] = q.Overlap!.Value,
                        ["passed"] = q.Overlap >= tolerances.RboMin - 1e-9,
                    }).ToArray()),
            },
        };
    }

    /// <summary>For each manual label (and "none" when some judged answers have none), how many answers got each score.</summary>
    static JsonObject? ArDistribution(GateResult result)
    {
        var judged = result.Questions.Where(q => q.CurrentJudgment() is not null).ToList();
        if (judged.Count == 0) return null;
        var max = AnswerRelevancePrompt.MaxScore;
        var groups = Labels.All.Select(l => (Name: l.ToString(), Label: (Label?)l)).ToList();
        if (judged.Any(q => q.Question.Manual is null)) groups.Add(("none", null));
        return new JsonObject
        {
            ["bins"] = new JsonArray(Enumerable.Range(0, max + 1)
                .Select(score => (JsonNode)((double)score / max).ToString("0.00", CultureInfo.InvariantCulture)).ToArray()),
            ["groups"] = new JsonArray(groups.Select(group => (JsonNode)new JsonObject
            {
                ["manual"] = group.Name,
                ["counts"] = new JsonArray(Enumerable.Range(0, max + 1)
                    .Select(score => (JsonNode)judged.Count(q => q.Question.Manual == group.Label && Math.Clamp(q.CurrentJudgment()!.Score, 0, max) == score))
                    .ToArray()),
            }).ToArray()),
        };
    }

    /// <summary>Bins of a metric's distribution: tenths of the normalised score, the last one closed (0.9–1.0).</summary>
    public const int MetricBins = 10;

    /// <summary>How many questions scored in each tenth of 0–1 on one metric, with the mean and its baseline.</summary>
    static JsonObject MetricDistribution(GateResult result, Judging.Metrics.JudgeMetric metric)
    {
        var scores = result.Questions.Select(q => q.Metric(metric.Name)?.Score).OfType<double>().ToList();
        var counts = new int[MetricBins];
        foreach (var score in scores) counts[Math.Clamp((int)Math.Floor(score * MetricBins + 1e-9), 0, MetricBins - 1)]++;
        return new JsonObject
        {
            ["key"] = metric.Name,
            ["name"] = metric.NameAtK(result.K()),
            ["bins"] = new JsonArray(Enumerable.Range(0, MetricBins)
                .Select(b => (JsonNode)((double)b / MetricBins).ToString("0.0", CultureInfo.InvariantCulture)).ToArray()),
            ["counts"] = new JsonArray(counts.Select(n => (JsonNode)n).ToArray()),
            ["mean"] = Number(result.Summary.Metric(metric.Name)?.Mean),
            ["baseline"] = Number(result.SummaryBaseline?.Metric(metric.Name)?.Mean),
        };
    }

    static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    public static string Serialize(JsonObject data) => data.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
