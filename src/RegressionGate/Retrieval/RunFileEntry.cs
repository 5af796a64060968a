namespace RegressionGate.Retrieval;

/// <summary>
/// One question's recorded ranking in a run file (<c>golden/runs/retrieval.jsonl</c> by default): what a production
/// retriever returned, so the gate can check those rankings as they are.
/// </summary>
/// <remarks>
/// The run file is JSON Lines, UTF-8, one question a line, lines in question-id order:
/// <code>{"questionId":"105","source":"imported from record 000_2d96afdaa130e795.txt","ranking":[{"id":"3027","score":0.8535903692245483},…]}</code>
/// <c>questionId</c> names a question, <c>source</c> says where the ranking came from, <c>ranking</c> lists segment ids of
/// <c>corpus.jsonl</c> with their scores. Ranks follow from the scores: descending, ties by id ascending
/// (<see cref="SegmentIdComparer"/>), whatever the order of the lines in the file.
/// </remarks>
internal sealed record RunFileEntry(string QuestionId, string Source, IReadOnlyList<RankedSegment> Ranking)
{
    /// <summary>An entry whose ranks follow from the scores: descending, ties by id ascending, ranks 1, 2, 3…</summary>
    public static RunFileEntry Create(string questionId, string source, IEnumerable<(string Id, double Score)> scored) =>
        new(questionId, source, Rank(scored));

    public static IReadOnlyList<RankedSegment> Rank(IEnumerable<(string Id, double Score)> scored) =>
        scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Id, SegmentIdComparer.Instance)
            .Select((s, index) => new RankedSegment(index + 1, s.Id, s.Score))
            .ToList();

    /// <summary>Same question, source and ranking (ids, ranks and scores exactly).</summary>
    public bool SameAs(RunFileEntry other) =>
        QuestionId == other.QuestionId && Source == other.Source && Ranking.SequenceEqual(other.Ranking);
}
