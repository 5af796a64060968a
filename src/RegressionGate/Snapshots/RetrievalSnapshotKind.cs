using RegressionGate.Formatting;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary><c>retrieval/{questionId}.verified.json</c>: question, retriever identity, then the ranking.</summary>
internal sealed class RetrievalSnapshotKind : SnapshotKind<RetrievalSnapshot>
{
    public override string Stage => SnapshotStages.Retrieval;

    public override string Write(RetrievalSnapshot snapshot) => StableJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("questionId", snapshot.QuestionId);
        w.WriteString("question", snapshot.Question);
        w.WriteStartObject("retriever");
        foreach (var (name, value) in snapshot.Retriever.Properties) w.WriteString(name, value);
        w.WriteEndObject();
        w.WriteStartArray("ranking");
        foreach (var segment in snapshot.Ranking)
        {
            w.WriteStartObject();
            w.WriteNumber("rank", segment.Rank);
            w.WriteString("id", segment.Id);
            w.WriteFixed("score", segment.Score);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public override RetrievalSnapshot Read(string text, string file)
    {
        var root = SnapshotFields.Parse(text, file);
        root.RejectUnknown("questionId", "question", "retriever", "ranking");
        var ranking = new List<RankedSegment>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in root.Objects("ranking"))
        {
            item.RejectUnknown("rank", "id", "score");
            var segment = new RankedSegment(item.Int("rank", min: 1), item.Id("id"), item.Double("score"));
            if (ranking.Count > 0 && segment.Rank <= ranking[^1].Rank)
                throw item.Error("rank", $"must be greater than the rank before it ({ranking[^1].Rank}), found {segment.Rank}");
            if (!ids.Add(segment.Id)) throw item.Error("id", $"segment {segment.Id} is ranked twice");
            ranking.Add(segment);
        }
        return new RetrievalSnapshot(root.Id("questionId"), root.String("question"), new RetrieverIdentity(root.Pairs("retriever")), ranking);
    }

    public override string? QuestionIdOf(RetrievalSnapshot snapshot) => snapshot.QuestionId;

    public override string DescribeNew(RetrievalSnapshot snapshot) => snapshot.Ranking.Count == 0
        ? "new: no segments ranked"
        : $"new: {snapshot.Ranking.Count} segments, top {snapshot.Ranking[0].Id} ({Display.Score(snapshot.Ranking[0].Score)})";

    public override string DescribeChange(RetrievalSnapshot verified, RetrievalSnapshot received, Tolerances tolerances)
    {
        var parts = new List<string>();
        if (verified.Question != received.Question) parts.Add("question text changed");
        var identity = received.Retriever.ChangesFrom(verified.Retriever);
        if (identity.Count > 0) parts.Add($"retriever changed: {string.Join("; ", identity)}");
        var moves = RankMove.Between(verified.Ranking, received.Ranking);
        var largest = RetrievalComparer.SharedScores(verified, received)
            .Select(s => (s.Id, Move: Math.Abs(s.After - s.Before)))
            .Where(s => s.Move > 0)
            .OrderByDescending(s => s.Move)
            .FirstOrDefault();
        if (moves.Count > 0 || largest.Id is not null || parts.Count > 0)
        {
            parts.Add($"RBO {Display.Ar(RetrievalComparer.Rbo(verified, received, tolerances.RboP))}");
            parts.AddRange(moves.Select(move => move.Brief()));
        }
        if (largest.Id is not null) parts.Add($"largest score move {Display.Score(largest.Move)} ({largest.Id})");
        return parts.Count == 0 ? "no change in meaning" : string.Join(", ", parts);
    }
}
