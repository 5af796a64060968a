using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>One question's top-k as verified: which retriever produced it, then each segment's rank, id and score.</summary>
/// <param name="SegmentHashes">
/// The <see cref="TextHash"/> of each ranked segment's text when it was ranked, by id; empty in snapshots written
/// before they were kept, and for segments the corpus no longer holds.
/// </param>
public sealed record RetrievalSnapshot(
    string QuestionId,
    string Question,
    RetrieverIdentity Retriever,
    IReadOnlyList<RankedSegment> Ranking,
    IReadOnlyDictionary<string, string>? SegmentHashes = null)
{
    /// <summary>The hash of <paramref name="segmentId"/>'s text when this ranking was made, where the snapshot kept it.</summary>
    public string? HashOf(string segmentId) => SegmentHashes?.GetValueOrDefault(segmentId);
}
