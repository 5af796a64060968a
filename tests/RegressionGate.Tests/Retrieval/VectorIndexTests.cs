using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Retrieval;

public class VectorIndexTests
{
    static VectorIndex IndexOf(params (string Id, float[] Vector)[] entries)
    {
        var index = new VectorIndex(entries[0].Vector.Length);
        foreach (var (id, vector) in entries) index.Add(id, vector);
        return index;
    }

    static float[] Unit(double degrees) => [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180)];

    [Fact]
    public void Ranks_by_cosine_best_first_with_explicit_ranks_from_one()
    {
        var index = IndexOf(("far", Unit(80)), ("near", Unit(10)), ("middle", Unit(45)), ("opposite", Unit(180)));
        var ranked = index.Search(Unit(0), k: 3);
        Assert.Equal(["near", "middle", "far"], ranked.Select(r => r.Id));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Equal(Math.Cos(10 * Math.PI / 180), ranked[0].Score, 6);
    }

    [Fact]
    public void Ties_go_to_the_smaller_id_in_natural_order()
    {
        var same = Unit(30);
        var index = IndexOf(("b", same), ("10", same), ("9", same), ("a", same), ("best", Unit(0)), ("100", same));
        var ranked = index.Search(Unit(0), k: 6);
        // numbers by value (9 < 10 < 100), then other ids ordinally
        Assert.Equal(["best", "9", "10", "100", "a", "b"], ranked.Select(r => r.Id));
    }

    [Fact]
    public void A_tie_at_the_cut_keeps_the_smaller_id()
    {
        var same = Unit(30);
        var index = IndexOf(("7", same), ("3", same), ("5", same));
        Assert.Equal(["3", "5"], index.Search(Unit(0), k: 2).Select(r => r.Id));
    }

    [Fact]
    public void K_larger_than_the_corpus_returns_every_vector()
    {
        var index = IndexOf(("a", Unit(0)), ("b", Unit(90)));
        Assert.Equal(["a", "b"], index.Search(Unit(0), k: 10).Select(r => r.Id));
        Assert.Empty(new VectorIndex(2).Search(Unit(0), k: 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void K_below_one_is_rejected(int k)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndexOf(("a", Unit(0))).Search(Unit(0), k));
    }

    [Fact]
    public void Vectors_and_queries_of_the_wrong_dimension_are_rejected()
    {
        var index = new VectorIndex(2);
        Assert.Throws<ArgumentException>(() => index.Add("a", [1f, 0f, 0f]));
        index.Add("a", Unit(0));
        Assert.Throws<ArgumentException>(() => index.Search([1f], 1));
    }

    [Fact]
    public void An_id_can_be_added_only_once()
    {
        var index = IndexOf(("a", Unit(0)));
        Assert.Throws<ArgumentException>(() => index.Add("a", Unit(1)));
    }

    [Fact]
    public void Vectors_added_after_a_search_take_part_in_ties()
    {
        var index = IndexOf(("5", Unit(0)));
        index.Search(Unit(0), 1);
        index.Add("2", Unit(0));
        Assert.Equal(["2", "5"], index.Search(Unit(0), 2).Select(r => r.Id));
    }

    [Fact]
    public void Partial_selection_agrees_with_a_full_sort_on_random_data()
    {
        var random = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var count = random.Next(1, 300);
            var index = new VectorIndex(3, capacity: 4);
            var all = new List<(string Id, float Score)>();
            var query = new[] { 1f, 0f, 0f };
            for (var i = 0; i < count; i++)
            {
                // few distinct values, so ties are common
                var x = random.Next(-5, 6) / 5f;
                var id = random.Next(0, 3) == 0 ? $"s{i}" : (i * 7 % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                index.Add(id, [x, MathF.Sqrt(1 - x * x), 0]);
                all.Add((id, x));
            }
            var k = random.Next(1, 40);
            var expected = all.OrderByDescending(e => e.Score).ThenBy(e => e.Id, SegmentIdComparer.Instance).Take(k).Select(e => e.Id);
            Assert.Equal(expected, index.Search(query, k).Select(r => r.Id));
        }
    }

    /// <summary>Unit vectors of 384 dimensions drawn from a few directions, so exact ties are common.</summary>
    static float[][] TiedVectors(Random random, int count)
    {
        var directions = Enumerable.Range(0, 7).Select(_ => RandomUnit(random, 384)).ToArray();
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? directions[random.Next(directions.Length)] : RandomUnit(random, 384))];
    }

    static float[] RandomUnit(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / norm)];
    }

    [Fact]
    public void Many_queries_at_once_rank_exactly_as_each_query_alone_and_as_a_full_sort()
    {
        var random = new Random(7);
        // 1,000 rows of 384 floats: 16 tiles, so the rows are split between threads and their heaps merged.
        var vectors = TiedVectors(random, 1000);
        var ids = Enumerable.Range(0, vectors.Length).Select(i => random.Next(4) == 0 ? $"s{i}" : (i * 37 % 5000).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var index = new VectorIndex(384);
        for (var i = 0; i < ids.Count; i++) index.Add(ids[i], vectors[i]);
        var queries = vectors.Take(30).Concat(Enumerable.Range(0, 10).Select(_ => RandomUnit(random, 384))).ToList();

        var together = index.Search(queries, k: 12);

        for (var q = 0; q < queries.Count; q++)
        {
            var alone = index.Search(queries[q], k: 12);
            Assert.Equal(alone, together[q]);
            var expected = ids.Select((id, i) => (Id: id, Score: (double)System.Numerics.Tensors.TensorPrimitives.Dot(vectors[i], queries[q])))
                .OrderByDescending(e => e.Score).ThenBy(e => e.Id, SegmentIdComparer.Instance).Take(12);
            Assert.Equal(expected.Select(e => e.Id), together[q].Select(r => r.Id));
            Assert.Equal(expected.Select(e => e.Score), together[q].Select(r => r.Score));
        }
    }

    [Fact]
    public void Vectors_searched_where_they_lie_rank_exactly_as_copied_ones()
    {
        var random = new Random(11);
        var vectors = TiedVectors(random, 300);
        var block = new VectorBlock([.. vectors.SelectMany(v => v)], 384, vectors.Length);
        var copied = new VectorIndex(384);
        var mixed = new VectorIndex(384);
        // Rows of the block added out of order and interleaved with copies, as a warm run with a few edited segments does.
        foreach (var i in Enumerable.Range(0, vectors.Length).OrderBy(_ => random.Next()))
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            copied.Add(id, vectors[i]);
            if (i % 5 == 0) mixed.Add(id, vectors[i]);
            else mixed.Add(id, block, i);
        }
        var queries = vectors.Take(20).ToList();

        Assert.Equal(copied.Search(queries, 15), mixed.Search(queries, 15));
    }

    [Fact]
    public void A_row_outside_its_block_or_of_another_dimension_is_refused()
    {
        var block = new VectorBlock([1f, 0f, 0f, 1f], 2, 2);
        var index = new VectorIndex(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Add("a", block, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Add("a", block, -1));
        Assert.Throws<ArgumentException>(() => new VectorIndex(4).Add("a", block, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => block.Row(2));
        index.Add("b", block, 1);
        Assert.Equal(["b"], index.Search(Unit(90), 1).Select(r => r.Id));
    }
}
