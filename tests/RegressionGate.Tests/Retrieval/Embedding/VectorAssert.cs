using System.Numerics.Tensors;

namespace RegressionGate.Tests.Retrieval.Embedding;

internal static class VectorAssert
{
    public static void Close(float[] expected, float[] actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Length, actual.Length);
        var difference = new float[expected.Length];
        TensorPrimitives.Subtract(expected, actual, difference);
        var largest = TensorPrimitives.MaxMagnitude(difference);
        Assert.True(MathF.Abs(largest) <= tolerance, $"vectors differ by up to {largest:G3}, more than {tolerance:G3}");
    }
}
