using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

public class MeanPoolingTests
{
    [Fact]
    public void Averages_only_the_unpadded_tokens_then_scales_to_unit_length()
    {
        // Two real tokens (1,2) and (3,4), then a padded row that must not count: mean (2,3), length √13.
        float[] states = [1, 2, 3, 4, 100, -100];
        var vector = MeanPooling.PoolAndNormalize(states, tokens: 2, dimensions: 2);
        Assert.Equal(2 / MathF.Sqrt(13), vector[0], 6);
        Assert.Equal(3 / MathF.Sqrt(13), vector[1], 6);
    }

    [Fact]
    public void A_zero_mean_stays_zero_instead_of_becoming_nan()
    {
        Assert.Equal([0f, 0f], MeanPooling.PoolAndNormalize([1, -1, -1, 1], tokens: 2, dimensions: 2));
    }
}
