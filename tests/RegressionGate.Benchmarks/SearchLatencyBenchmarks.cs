using BenchmarkDotNet.Attributes;
using RegressionGate.Retrieval;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Top-10 exact cosine search over 10,000 random unit vectors of 384 dimensions, one query at a time and all 100 in one
/// pass; the time reported is per query.
/// </summary>
[Config(typeof(ShortSearchJob))]
[MemoryDiagnoser]
public class SearchLatencyBenchmarks
{
    public const int Vectors = 10_000;
    public const int Dimensions = 384;
    const int Queries = 100;

    VectorIndex index = null!;
    float[][] queries = null!;

    [GlobalSetup]
    public void SetUp() => (index, queries) = RandomUnitVectors.IndexAndQueries(Vectors, Dimensions, Queries);

    [Benchmark(OperationsPerInvoke = Queries)]
    public double Top10()
    {
        var sum = 0.0;
        foreach (var query in queries) sum += index.Search(query, 10)[0].Score;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public double Top10AllAtOnce() => index.Search(queries, 10).Sum(ranking => ranking[0].Score);
}
