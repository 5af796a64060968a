using BenchmarkDotNet.Attributes;
using RegressionGate.Retrieval;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Exact cosine search over 100,000 random unit vectors of 384 dimensions: top 10 (k) and top 50 (fusion depth), one
/// query at a time and all 20 in one pass (as a run asks); time per query.
/// </summary>
[Config(typeof(ShortSearchJob))]
[MemoryDiagnoser]
public class SearchAtScaleBenchmarks
{
    public const int Vectors = 100_000;
    public const int Dimensions = 384;
    const int Queries = 20;

    VectorIndex index = null!;
    float[][] queries = null!;

    [GlobalSetup]
    public void SetUp() => (index, queries) = RandomUnitVectors.IndexAndQueries(Vectors, Dimensions, Queries);

    [Benchmark(OperationsPerInvoke = Queries)]
    public double Top10At100k() => Search(10);

    [Benchmark(OperationsPerInvoke = Queries)]
    public double Top50At100k() => Search(50);

    [Benchmark(OperationsPerInvoke = Queries)]
    public double Top10At100kAllAtOnce() => index.Search(queries, 10).Sum(ranking => ranking[0].Score);

    double Search(int k)
    {
        var sum = 0.0;
        foreach (var query in queries) sum += index.Search(query, k)[0].Score;
        return sum;
    }
}
