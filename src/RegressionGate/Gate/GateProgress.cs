namespace RegressionGate.Gate;

/// <summary>How far a run is: <paramref name="Done"/> of <paramref name="Total"/> items of one <paramref name="Stage"/>.</summary>
public readonly record struct GateProgress(GateStage Stage, int Done, int Total);

/// <summary>The long parts of a run, in the order they happen.</summary>
public enum GateStage
{
    EmbeddingCorpus,
    Retrieving,
    Answering,
    Judging,
}
