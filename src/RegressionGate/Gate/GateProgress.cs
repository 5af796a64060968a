namespace RegressionGate.Gate;

/// <summary>How far a run is: <paramref name="Done"/> of <paramref name="Total"/> items of one <paramref name="Stage"/>.</summary>
public readonly record struct GateProgress(GateStage Stage, int Done, int Total);

/// <summary>The long parts of a run, in the order they happen.</summary>
public enum GateStage
{
    /// <summary>Embedding (or indexing) the corpus, counted in segments.</summary>
    EmbeddingCorpus,

    /// <summary>Retrieving each question's top-k, counted in questions.</summary>
    Retrieving,

    /// <summary>Producing the answers under test (generated or from the endpoint), counted in answers.</summary>
    Answering,

    /// <summary>Judging each answer, counted in answers.</summary>
    Judging,

    /// <summary>Waiting for the Batch API to answer a batch of model calls, counted in requests.</summary>
    Batch,
}
