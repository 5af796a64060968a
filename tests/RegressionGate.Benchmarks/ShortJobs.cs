using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RegressionGate.Benchmarks;

/// <summary>
/// One warmup and five measured iterations, one invocation each (an invocation embeds 80 texts), in process: the run takes
/// minutes, not hours, and no second copy of the 90 MB model is built into a generated project.
/// </summary>
public sealed class ShortEmbeddingJob : ManualConfig
{
    public ShortEmbeddingJob() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
        .WithInvocationCount(1).WithUnrollFactor(1));
}

/// <summary>A short in-process job for microsecond-scale work: BenchmarkDotNet picks the invocation count.</summary>
public sealed class ShortSearchJob : ManualConfig
{
    public ShortSearchJob() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
}
