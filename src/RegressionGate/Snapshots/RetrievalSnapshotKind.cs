using RegressionGate.Formatting;
using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary><c>retrieval/{questionId}.verified.json</c>: question, retriever identity, then the ranking.</summary>
internal sealed class RetrievalSnapshotKind : SnapshotKind<RetrievalSnapshot>
{
    public override string Stage => SnapshotStages.Retrieval;

    /// <summary>
    /// Question and retriever as an indented object, then the ranking one segment a line
    /// (<c>{ "rank": 1, "id": "1009", "score": 0.638120, "textHash": "…" }</c>), so approving a moved ranking shows
    /// about one changed line per moved rank.
    /// </summary>
    public override string Write(RetrievalSnapshot snapshot) => StableJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("questionId", snapshot.QuestionId);
        w.WriteString("question", snapshot.Question);
        w.WritePairs("retriever", snapshot.Retriever.Properties);
        w.WriteEndObject();
    }, "ranking", snapshot.Ranking.Select(segment => StableJson.Line(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("rank", segment.Rank);
        w.WriteString("id", segment.Id);
        w.WriteFixed("score", segment.Score);
        if (snapshot.HashOf(segment.Id) is { } hash) w.WriteString("textHash", hash);
        w.WriteEndObject();
    })).ToList());

    public override RetrievalSnapshot Read(string text, string file)
    {
        var root = SnapshotFields.Parse(text, file);
        root.RejectUnknown("questionId", "question", "retriever", "ranking");
        var ranking = new List<RankedSegment>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in root.Objects("ranking"))
        {
            item.RejectUnknown("rank", "id", "score", "textHash");
            var segment = new RankedSegment(item.Int("rank", min: 1), item.Id("id"), item.Double("score"));
            if (ranking.Count > 0 && segment.Rank <= ranking[^1].Rank)
                throw item.Error("rank", $"must be greater than the rank before it ({ranking[^1].Rank}), found {segment.Rank}");
            if (!ids.Add(segment.Id)) throw item.Error("id", $"segment {segment.Id} is ranked twice");
            // Snapshots written before text hashes were kept have none; they read as they always did.
            if (item.OptionalString("textHash") is { } hash)
            {
                if (!TextHash.IsWellFormed(hash)) throw item.Error("textHash", $"must be {TextHash.Length} lower-case hex digits, found '{hash}'");
                hashes[segment.Id] = hash;
            }
            ranking.Add(segment);
        }
        return new RetrievalSnapshot(root.Id("questionId"), root.String("question"), new RetrieverIdentity(root.Pairs("retriever")), ranking, hashes);
    }

    public override string? QuestionIdOf(RetrievalSnapshot snapshot) => snapshot.QuestionId;

    public override string DescribeNew(RetrievalSnapshot snapshot) => snapshot.Ranking.Count == 0
        ? "new: no segments ranked"
        : $"new: {snapshot.Ranking.Count} segments, top {snapshot.Ranking[0].Id} ({Display.Score(snapshot.Ranking[0].Score)})";

    /// <summary>
    /// One short line: what changed about the question or retriever, the overlap, then the ranking change in brief
    /// (exits and entries first, shifts counted), then the largest score move where scores compare.
    /// </summary>
    public override string DescribeChange(RetrievalSnapshot verified, RetrievalSnapshot received, Tolerances tolerances)
    {
        var parts = new List<string>();
        if (verified.Question != received.Question) parts.Add("question text changed");
        if (RetrievalComparer.RetrieverChange(verified.Retriever, received.Retriever) is { } retriever) parts.Add(retriever);
        var edited = received.Ranking.Where(s => verified.HashOf(s.Id) is { } was && received.HashOf(s.Id) is { } now && was != now).Select(s => s.Id).ToList();
        if (edited.Count > 0) parts.Add($"text of {string.Join(", ", edited)} changed");
        var change = RankingChange.Between(verified.Ranking, received.Ranking, k: received.Retriever.K);
        var comparable = received.Retriever.ScoresComparableWith(verified.Retriever);
        var largest = comparable
            ? RetrievalComparer.SharedScores(verified, received)
                .Select(s => (s.Id, Move: Math.Abs(s.After - s.Before)))
                .Where(s => s.Move > 0)
                .OrderByDescending(s => s.Move)
                .FirstOrDefault()
            : default;
        if (!change.Unchanged || largest.Id is not null || parts.Count > 0)
        {
            parts.Add($"RBO {Display.Ar(RetrievalComparer.Rbo(verified, received, tolerances.RboP))}");
            if (!change.Unchanged) parts.Add(change.Brief());
        }
        if (largest.Id is not null) parts.Add($"largest score move {Display.Score(largest.Move)} ({largest.Id})");
        else if (!comparable) parts.Add("scores not comparable");
        if (parts.Count == 0 && (verified.SegmentHashes?.Count ?? 0) == 0 && received.SegmentHashes?.Count > 0)
            return "no change in meaning; segment text hashes now recorded";
        return parts.Count == 0 ? "no change in meaning" : string.Join(", ", parts);
    }
}
