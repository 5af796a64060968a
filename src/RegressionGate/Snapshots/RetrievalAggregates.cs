namespace RegressionGate.Snapshots;

/// <summary>Retrieval quality over the questions that name relevant segments: mean recall@k, MRR@k and nDCG@k.</summary>
public sealed record RetrievalAggregates(int K, int Questions, double Recall, double Mrr, double Ndcg);
