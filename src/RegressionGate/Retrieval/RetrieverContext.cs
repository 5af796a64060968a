using RegressionGate.Environments;
using RegressionGate.Golden;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Retrieval;

/// <summary>What a <see cref="RetrieverProvider"/> may use to build its retriever for one run.</summary>
/// <param name="Golden">The golden set: its corpus, and its directory, against which relative paths in the settings resolve.</param>
/// <param name="Settings">The <c>retriever</c> section of <c>gate.json</c>.</param>
public sealed record RetrieverContext(GoldenSet Golden, RetrieverSettings Settings)
{
    /// <summary>Where embeddings are kept between runs; none when null.</summary>
    internal EmbeddingCache? Cache { get; init; }

    /// <summary>Receives how many segments are embedded or indexed so far.</summary>
    public IProgress<int>? Progress { get; init; }

    /// <summary>The environment the run reads its configuration from (never the process's directly).</summary>
    public IEnvironmentVariables Environment { get; init; } = EnvironmentVariables.Process;

    /// <summary>Stops a long build, such as embedding a large corpus.</summary>
    public CancellationToken CancellationToken { get; init; }
}
