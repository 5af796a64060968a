namespace RegressionGate.Retrieval;

/// <summary>
/// Vectors of one dimension count lying back to back, in a managed array or in memory the index does not own (an
/// embedding cache file mapped read-only), so an index can search them where they lie instead of copying them.
/// </summary>
/// <remarks>
/// A block over foreign memory is only as alive as its owner: whoever hands one out keeps the memory mapped until every
/// index searching it is done (the embedding store unmaps its file when the last embedder using it is disposed).
/// </remarks>
internal sealed unsafe class VectorBlock
{
    readonly float[]? array;
    readonly float* pointer;

    /// <summary>A block over the first <paramref name="count"/> vectors of <paramref name="vectors"/>.</summary>
    public VectorBlock(float[] vectors, int dimensions, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count * dimensions, vectors.LongLength);
        array = vectors;
        Dimensions = dimensions;
        Count = count;
    }

    /// <summary>A block over <paramref name="count"/> vectors at <paramref name="start"/>, which the caller keeps valid.</summary>
    public VectorBlock(float* start, int dimensions, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        pointer = start;
        Dimensions = dimensions;
        Count = count;
    }

    public int Dimensions { get; }
    public long Count { get; }

    /// <summary>The vector in row <paramref name="row"/> (0-based).</summary>
    public ReadOnlySpan<float> Row(long row)
    {
        // Checked even in the hot loop: past the end of a mapping is not an exception but a crash.
        if ((ulong)row >= (ulong)Count) throw new ArgumentOutOfRangeException(nameof(row), row, $"the block holds {Count} vectors");
        return array is not null
            ? array.AsSpan(checked((int)(row * Dimensions)), Dimensions)
            : new ReadOnlySpan<float>(pointer + row * Dimensions, Dimensions);
    }
}
