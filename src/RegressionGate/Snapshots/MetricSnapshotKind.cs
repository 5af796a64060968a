using RegressionGate.Formatting;
using RegressionGate.Judging.Metrics;

namespace RegressionGate.Snapshots;

/// <summary><c>{metric}/{questionId}.verified.json</c> for a part-wise metric: judge identity, mean score, then each part.</summary>
internal sealed class MetricSnapshotKind(JudgeMetric metric) : SnapshotKind<MetricSnapshot>
{
    public JudgeMetric Metric => metric;

    public override string Stage => metric.SnapshotStage;

    public override string Write(MetricSnapshot snapshot) => StableJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("questionId", snapshot.QuestionId);
        w.WritePairs("judge", snapshot.Judge.Properties);
        w.WriteFixedOrNull("score", snapshot.Score);
        w.WriteStartArray("parts");
        foreach (var part in snapshot.Parts)
        {
            w.WriteStartObject();
            w.WriteString("id", part.Id);
            if (part.Text is { } text) w.WriteString("text", text);
            else w.WriteNull("text");
            w.WriteFixed("score", part.Score);
            w.WriteFixed("normalised", part.Normalised);
            w.WriteStartArray("repeats");
            foreach (var score in part.Repeats) w.WriteFixedValue(score, "repeats");
            w.WriteEndArray();
            w.WriteBoolean("flagged", part.Flagged);
            w.WriteString("reasoning", part.Reasoning);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public override MetricSnapshot Read(string text, string file)
    {
        var root = SnapshotFields.Parse(text, file);
        root.RejectUnknown("questionId", "judge", "score", "parts");
        var parts = new List<PartSnapshot>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in root.Objects("parts"))
        {
            item.RejectUnknown("id", "text", "score", "normalised", "repeats", "flagged", "reasoning");
            var part = new PartSnapshot(item.Id("id"), item.NullableString("text"), item.Double("score", min: 0), item.Double("normalised", 0, 1),
                item.Doubles("repeats"), item.Bool("flagged"), item.String("reasoning", allowEmpty: true));
            if (!keys.Add(part.Key)) throw item.Error("id", $"part {part.Id} appears twice");
            parts.Add(part);
        }
        return new MetricSnapshot(root.Id("questionId"), new Judging.JudgeIdentity(root.Pairs("judge")), root.NullableDouble("score", 0, 1), parts);
    }

    public override string DescribeNew(MetricSnapshot snapshot)
    {
        var flagged = snapshot.Parts.Count(p => p.Flagged);
        return $"new: {metric.Abbreviation} {Show(snapshot.Score)} over {snapshot.Parts.Count} part(s)" + (flagged > 0 ? $", {flagged} {metric.FlagWord}" : "");
    }

    public override string DescribeChange(MetricSnapshot verified, MetricSnapshot received, Tolerances tolerances)
    {
        var parts = new List<string>();
        var judge = received.Judge.ChangesFrom(verified.Judge);
        if (judge.Count > 0) parts.Add($"judge changed: {string.Join("; ", judge)}");
        if (verified.Score != received.Score) parts.Add($"{metric.Abbreviation} {Show(verified.Score)} → {Show(received.Score)}");
        parts.AddRange(MetricComparer.PartChanges(metric, verified, received));
        return parts.Count == 0 ? "no change in meaning" : string.Join(", ", parts);
    }

    static string Show(double? score) => score is { } s ? Display.Ar(s) : "none";
}
