using Microsoft.ML.OnnxRuntime;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>How the ONNX Runtime CPU session runs; benchmarks give every contender the same <see cref="CreateSessionOptions"/>.</summary>
internal sealed record OnnxEmbedderOptions
{
    /// <summary>Threads inside one operator; 0 lets ONNX Runtime use one per physical core.</summary>
    public int IntraOpThreads { get; init; }

    public GraphOptimizationLevel GraphOptimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>Texts run through the model together; sorted by length first, so padding stays small.</summary>
    public int BatchSize { get; init; } = 8;

    public SessionOptions CreateSessionOptions() => new()
    {
        GraphOptimizationLevel = GraphOptimization,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = IntraOpThreads,
        InterOpNumThreads = 1,
    };
}
