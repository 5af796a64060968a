using RegressionGate.Formatting;
using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// <c>summary/gate.verified.json</c>: retrieval and judge aggregates, each null when the run had nothing to measure,
/// each metric's mean, then the basis they were measured over (either absent in summaries written before it was recorded).
/// </summary>
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
        if (snapshot.Basis is { } basis) WriteBasis(w, basis);
        w.WriteEndObject();
    });

    static void WriteBasis(System.Text.Json.Utf8JsonWriter w, SummaryBasis basis)
    {
        w.WriteStartObject("basis");
        WriteIds(w, "questions", basis.Questions);
        WriteIds(w, "answers", basis.Answers);
        w.WritePairs("retriever", basis.Retriever.Properties);
        if (basis.Judge is { } judge) w.WritePairs("judge", judge.Properties);
        else w.WriteNull("judge");
        w.WriteEndObject();
    }

    static void WriteIds(System.Text.Json.Utf8JsonWriter w, string name, IdSet ids)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", ids.Count);
        w.WriteString("sha256", ids.Sha256);
        w.WriteEndObject();
    }


    public override SummarySnapshot Read(string text, string file)
    {
        var root = SnapshotFields.Parse(text, file);
        root.RejectUnknown("retrieval", "judge", "metrics", "basis");
        return new SummarySnapshot(ReadRetrieval(root.NullableObject("retrieval")), ReadJudge(root.NullableObject("judge")),
            ReadBasis(root.OptionalObject("basis")))
        {
            Metrics = root.Has("metrics") ? ReadMetrics(root.Object("metrics")) : null,
        };
    }

    static SummaryBasis? ReadBasis(SnapshotFields? f)
    {
        if (f is null) return null;
        f.RejectUnknown("questions", "answers", "retriever", "judge");
        var judge = f.NullableObject("judge") is null ? null : new JudgeIdentity(f.Pairs("judge"));
        return new SummaryBasis(ReadIds(f.Object("questions")), new RetrieverIdentity(f.Pairs("retriever")), ReadIds(f.Object("answers")), judge);
    }

    static IdSet ReadIds(SnapshotFields f)
    {
        f.RejectUnknown("count", "sha256");
        var sha256 = f.String("sha256");
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw f.Error("sha256", $"must be 64 lower-case hex digits, found '{sha256}'");
        return new IdSet(f.Int("count", min: 0), sha256);
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

    /// <summary>
    /// What the basis changed, then every aggregate old → new (unchanged ones too), so a reviewer approving a summary
    /// sees the whole baseline they are about to accept.
    /// </summary>
    public override string DescribeChange(SummarySnapshot verified, SummarySnapshot received, Tolerances tolerances)
    {
        var parts = new List<string>();
        if (received.Basis is { } basis)
            parts.AddRange(verified.Basis is { } before ? basis.ChangesFrom(before) : ["basis now recorded"]);
        foreach (var metric in SummaryMetric.All)
        {
            var (before, after) = (metric.Value(verified), metric.Value(received));
            if (before is null && after is null) continue;
            var name = metric.Name(received.Retrieval is null ? verified : received);
            parts.Add((before, after) switch
            {
                ({ } b, { } a) when Display.Score(b) == Display.Score(a) => $"{name} {Display.Score(a)} (unchanged)",
                ({ } b, { } a) => $"{name} {Display.Score(b)} → {Display.Score(a)} ({Display.Delta(a - b)})",
                (null, { } a) => $"{name} now measured ({Display.Score(a)})",
                var (b, _) => $"{name} no longer measured (was {Display.Score(b!.Value)})",
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
