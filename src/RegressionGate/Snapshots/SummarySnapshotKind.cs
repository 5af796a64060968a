using RegressionGate.Formatting;
using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>
/// <c>summary/gate.verified.json</c>: retrieval and judge aggregates, each null when the run had nothing to measure,
/// each metric's mean, then the basis they were measured over (either absent in summaries written before it was recorded).
/// A received summary may also say which means of the baseline this run could not measure (<c>notMeasured</c>), which
/// keeps it from being approved.
/// </summary>
/// <param name="configured">
/// The metrics gate.json configures, when known: a mean of any other that a received summary drops is described as no
/// longer configured, a deliberate change.
/// </param>
/// <param name="goldenDirectory">The golden set the summary belongs to, when known: refusals then name it in the command they suggest.</param>
internal sealed class SummarySnapshotKind(IReadOnlyCollection<string>? configured = null, string? goldenDirectory = null) : SnapshotKind<SummarySnapshot>
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
        // Only when there is something to say, so every summary without it is written as before.
        if (snapshot.NotMeasured is { Count: > 0 } notMeasured)
        {
            w.WriteStartObject("notMeasured");
            foreach (var metric in notMeasured)
            {
                w.WriteStartObject(metric.Name);
                w.WriteNumber("failed", metric.Failed);
                w.WriteNumber("missingRecordings", metric.MissingRecordings);
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
        root.RejectUnknown("retrieval", "judge", "metrics", "notMeasured", "basis");
        return new SummarySnapshot(ReadRetrieval(root.NullableObject("retrieval")), ReadJudge(root.NullableObject("judge")),
            ReadBasis(root.OptionalObject("basis")))
        {
            Metrics = root.Has("metrics") ? ReadMetrics(root.Object("metrics")) : null,
            NotMeasured = root.Has("notMeasured") ? ReadNotMeasured(root.Object("notMeasured")) : null,
        };
    }

    static IReadOnlyList<MetricNotMeasured> ReadNotMeasured(SnapshotFields notMeasured) =>
        notMeasured.Names.Select(name =>
        {
            var f = notMeasured.Object(name);
            f.RejectUnknown("failed", "missingRecordings");
            var failed = f.Int("failed", min: 1);
            var missing = f.Int("missingRecordings", min: 0);
            if (missing > failed) throw f.Error("missingRecordings", $"must be at most failed ({failed}), found {missing}");
            return new MetricNotMeasured(name, failed, missing);
        }).ToList();

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
                ({ } b, null) => Dropped(name, b),
                _ => name,
            });
        }
        return parts.Count == 0 ? "no change in meaning" : string.Join(", ", parts);
    }

    /// <summary>A mean the received summary lacks and does not say it failed to measure: a deliberate change, said as such.</summary>
    string Dropped(string name, double was) => configured switch
    {
        null => $"mean {name} no longer measured (was {Display.Score(was)})",
        _ when !configured.Contains(name) => $"mean {name} dropped: no longer configured (was {Display.Score(was)})",
        _ => $"mean {name} dropped: nothing for it to grade on this run (was {Display.Score(was)})",
    };

    /// <summary>
    /// One line per mean of the baseline the received summary could not measure, on every question or on some:
    /// approving would drop that mean from the baseline (and the set-level gate on it), or hold later runs to a mean over
    /// the questions that happened to be judged, for want of a recording rather than by anyone's decision.
    /// </summary>
    public override IReadOnlyList<string> Refusals(SummarySnapshot? verified, SummarySnapshot received) =>
        (received.NotMeasured ?? []).Select(m =>
        {
            var baseline = verified?.Metric(m.Name) is { } was ? $" (baseline {Display.Score(was.Mean)})" : "";
            var (what, consequence) = received.Metric(m.Name) is { } partial
                ? ($"was measured on only {partial.Questions} of {partial.Questions + m.Failed} questions on this run",
                   "would hold later runs to the mean of those")
                : ("could not be measured on this run", "would drop it from the baseline");
            return $"mean {m.Name}{baseline} {what} ({m.Reason}), and approving {consequence}: {m.Remedy(goldenDirectory)}, then approve";
        }).ToList();
}
