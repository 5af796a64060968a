using System.Globalization;
using System.Numerics.Tensors;
using RegressionGate.Retrieval;

namespace RegressionGate.Benchmarks;

/// <summary>Seeded random unit vectors: an index to search and queries to search it with, the same on every run.</summary>
static class RandomUnitVectors
{
    public static (VectorIndex Index, float[][] Queries) IndexAndQueries(int vectors, int dimensions, int queries, int seed = 384)
    {
        var random = new Random(seed);
        var index = new VectorIndex(dimensions, vectors);
        for (var i = 0; i < vectors; i++) index.Add(i.ToString(CultureInfo.InvariantCulture), Next(random, dimensions));
        return (index, Enumerable.Range(0, queries).Select(_ => Next(random, dimensions)).ToArray());
    }

    static float[] Next(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
