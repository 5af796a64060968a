using RegressionGate.Retrieval;

namespace RegressionGate.Snapshots;

/// <summary>One question's top-k as verified: which retriever produced it, then each segment's rank, id and score.</summary>
public sealed record RetrievalSnapshot(
    string QuestionId,
    string Question,
    RetrieverIdentity Retriever,
    IReadOnlyList<RankedSegment> Ranking);
