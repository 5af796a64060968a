using System.Numerics.Tensors;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>Sentence-Transformers' pooling for E5 and MiniLM: the mean of the unmasked token states, scaled to unit length.</summary>
internal static class MeanPooling
{
    /// <summary>
    /// Pools the first <paramref name="tokens"/> rows of <paramref name="states"/> (row-major, <paramref name="dimensions"/> wide):
    /// the attention mask of a right-padded sequence is exactly those rows.
    /// </summary>
    public static float[] PoolAndNormalize(ReadOnlySpan<float> states, int tokens, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokens, 1);
        var vector = new float[dimensions];
        for (var t = 0; t < tokens; t++) TensorPrimitives.Add(vector, states.Slice(t * dimensions, dimensions), vector);
        TensorPrimitives.Divide(vector, tokens, vector);
        // As torch.nn.functional.normalize: never divide by less than 1e-12.
        TensorPrimitives.Divide(vector, MathF.Max(TensorPrimitives.Norm(vector), 1e-12f), vector);
        return vector;
    }
}
