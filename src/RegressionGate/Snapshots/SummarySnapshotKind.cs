using RegressionGate.Formatting;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary><c>summary/gate.verified.json</c>: retrieval and judge aggregates, each null when the run had nothing to measure.</summary>
internal sealed class SummarySnapshotKind : SnapshotKind<SummarySnapshot>
{
    public override string Stage => SnapshotStages.Summary;

    public override string Write(SummarySnapshot snapshot) => StableJson.Write(w =>
    {
        w.WriteStartObject();
        if (snapshot.Retrieval is { } r)
        {
            w.WriteStartObject("retrieval");
            w.WriteNumber("k", r.K);
            w.WriteNumber("questions", r.Questions);
            w.WriteFixed("recall", r.Recall);
            w.WriteFixed("mrr", r.Mrr);
            w.WriteFixed("ndcg", r.Ndcg);
            w.WriteEndObject();
        }
        else w.WriteNull("retrieval");
        if (snapshot.Judge is { } j)
        {
            w.WriteStartObject("judge");
            w.WriteNumber("answers", j.Answers);
            w.WriteFixed("accuracy", j.Accuracy);
            w.WriteFixedOrNull("kappa", j.Kappa);
            w.WriteFixedOrNull("linearKappa", j.LinearKappa);
            w.WriteFixedOrNull("quadraticKappa", j.QuadraticKappa);
            w.WriteEndObject();
        }
        else w.WriteNull("judge");
        if (snapshot.Metrics is { } metrics)
        {
            w.WriteStartObject("metrics");
            foreach (var metric in metrics)
            {
                w.WriteStartObject(metric.Name);
                w.WriteNumber("questions", metric.Questions);
                w.WriteFixed("mean", metric.Mean);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    public override SummarySnapshot Read(string text, string file)
    {
        var root = SnapshotFields.Parse(text, file);
        root.RejectUnknown("retrieval", "judge", "metrics");
        return new SummarySnapshot(ReadRetrieval(root.NullableObject("retrieval")), ReadJudge(root.NullableObject("judge")))
        {
            Metrics = root.Has("metrics") ? ReadMetrics(root.Object("metrics")) : null,
        };
    }

    static IReadOnlyList<MetricAggregate> ReadMetrics(SnapshotFields metrics) =>
        metrics.Names.Select(name =>
        {
            var f = metrics.Object(name);
            f.RejectUnknown("questions", "mean");
            return new MetricAggregate(name, f.Int("questions", min: 0), f.Double("mean", 0, 1));
        }).ToList();

    static RetrievalQuality? ReadRetrieval(SnapshotFields? f)
    {
        if (f is null) return null;
        f.RejectUnknown("k", "questions", "recall", "mrr", "ndcg");
        return new RetrievalQuality(f.Int("k", min: 1), f.Int("questions", min: 0),
            f.Double("recall", 0, 1), f.Double("mrr", 0, 1), f.Double("ndcg", 0, 1));
    }

    static JudgeAggregates? ReadJudge(SnapshotFields? f)
    {
        if (f is null) return null;
        f.RejectUnknown("answers", "accuracy", "kappa", "linearKappa", "quadraticKappa");
        return new JudgeAggregates(f.Int("answers", min: 0), f.Double("accuracy", 0, 1),
            f.NullableDouble("kappa", -1, 1), f.NullableDouble("linearKappa", -1, 1), f.NullableDouble("quadraticKappa", -1, 1));
    }

    public override string DescribeNew(SummarySnapshot snapshot)
    {
        var values = SummaryMetric.All
            .Where(m => m.Value(snapshot) is not null)
            .Select(m => $"{m.Name(snapshot)} {Display.Score(m.Value(snapshot)!.Value)}")
            .ToList();
        values.AddRange(snapshot.Metrics?.Select(m => $"mean {m.Name} {Display.Score(m.Mean)}") ?? []);
        return values.Count == 0 ? "new: nothing measured" : $"new: {string.Join(", ", values)}";
    }

    public override string DescribeChange(SummarySnapshot verified, SummarySnapshot received, Tolerances tolerances)
    {
        var parts = new List<string>();
        if (verified.Retrieval is { } was && received.Retrieval is { } now && was.K != now.K) parts.Add($"k {was.K} → {now.K}");
        foreach (var metric in SummaryMetric.All)
        {
            var (before, after) = (metric.Value(verified), metric.Value(received));
            if (before == after) continue;
            var name = metric.Name(received.Retrieval is null ? verified : received);
            parts.Add((before, after) switch
            {
                ({ } b, { } a) => $"{name} {Display.Score(b)} → {Display.Score(a)} ({Display.Delta(a - b)})",
                (null, { } a) => $"{name} now measured ({Display.Score(a)})",
                ({ } b, null) => $"{name} no longer measured (was {Display.Score(b)})",
                _ => name,
            });
        }
        foreach (var name in (received.Metrics ?? []).Select(m => m.Name).Union((verified.Metrics ?? []).Select(m => m.Name), StringComparer.Ordinal))
        {
            var (before, after) = (verified.Metric(name)?.Mean, received.Metric(name)?.Mean);
            if (before == after) continue;
            parts.Add((before, after) switch
            {
                ({ } b, { } a) => $"mean {name} {Display.Score(b)} → {Display.Score(a)} ({Display.Delta(a - b)})",
                (null, { } a) => $"mean {name} now measured ({Display.Score(a)})",
                ({ } b, null) => $"mean {name} no longer measured (was {Display.Score(b)})",
                _ => name,
            });
        }
        return parts.Count == 0 ? "no change in meaning" : string.Join(", ", parts);
    }
}
