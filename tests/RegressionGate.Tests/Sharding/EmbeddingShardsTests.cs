using RegressionGate.Golden;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Sharding;
using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Sharding;

/// <summary>
/// <c>embed --shard I/N</c> and <c>merge-embeddings</c> with the real model on a copy of the sample set: each cold runner
/// embeds only its slice, and the joined cache serves the whole corpus.
/// </summary>
public sealed class EmbeddingShardsTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static Dictionary<string, string> CacheAt(string directory) => new() { ["REGRESSIONGATE_CACHE"] = directory };

    static EmbeddingCacheFile.Contents ReadPart(string directory)
    {
        var file = Assert.Single(Directory.GetFiles(directory, "*.embeddings"));
        var (header, problem) = EmbeddingCacheFile.ReadHeader(file);
        Assert.True(header is not null, problem);
        var (contents, invalid) = EmbeddingCacheFile.Read(file, header.Model, header.MaxTokens, header.Dimensions);
        Assert.True(contents is not null, invalid);
        return contents;
    }

    [Fact]
    public async Task Cold_shards_embed_only_their_slice_and_the_joined_cache_holds_the_whole_corpus()
    {
        var golden = SampleGolden.CopyTo(temp);
        var corpus = GoldenSetLoader.Load(golden).Corpus;
        string Passage(Segment s) => "passage: " + s.Text;

        var parts = new List<string>();
        for (var index = 1; index <= 2; index++)
        {
            var part = temp.Combine("parts", $"{index}");
            var owned = corpus.Where(s => Shard.IndexOf(s.Id, 2) == index).ToList();
            var outcome = await CliRun.RunAsync(CacheAt(temp.Combine($"runner-{index}")), "embed", "--golden", golden, "--shard", $"{index}/2", "--out", part);
            Assert.True(outcome.ExitCode == 0, outcome.ToString());
            // A cold runner embeds its slice and nothing more.
            Assert.Contains($"shard {index}/2: {owned.Count} of {corpus.Count} segments ({owned.Count} embedded", outcome.Out);
            var keys = ReadPart(part).Keys;
            Assert.Equal(owned.Select(Passage).Distinct().Count(), keys.Length);
            Assert.Equal(owned.Select(Passage).Select(TextKey.Of).ToHashSet(), keys.ToHashSet());
            parts.Add(part);
        }
        Assert.InRange(ReadPart(parts[0]).Keys.Length, 1, corpus.Count - 1);

        var joinedCache = temp.Combine("joined");
        var join = await CliRun.RunAsync(CacheAt(joinedCache), ["merge-embeddings", .. parts, "--golden", golden]);
        Assert.True(join.ExitCode == 0, join.ToString());
        var distinct = corpus.Select(Passage).Distinct().Count();
        Assert.Contains($"{distinct} entries ({distinct} added from 2 part(s))", join.Out);

        // The joined cache serves every segment: embedding the whole corpus through it embeds nothing.
        var warm = await CliRun.RunAsync(CacheAt(joinedCache), "embed", "--golden", golden, "--shard", "1/1", "--out", temp.Combine("warm"));
        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Contains($"shard 1/1: {corpus.Count} of {corpus.Count} segments (0 embedded", warm.Out);

        // And its vectors are those an unsharded cold runner computes (batches differ, so to float rounding).
        var single = await CliRun.RunAsync(CacheAt(temp.Combine("single")), "embed", "--golden", golden, "--out", temp.Combine("single-part"));
        Assert.True(single.ExitCode == 0, single.ToString());
        var expected = ReadPart(temp.Combine("single-part"));
        var joined = ReadPart(joinedCache);
        var dimensions = expected.Vectors.Length / expected.Keys.Length;
        var joinedAt = joined.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        Assert.Equal(expected.Keys.Length, joined.Keys.Length);
        Assert.Equal(expected.Keys.ToHashSet(), joined.Keys.ToHashSet());
        for (var i = 0; i < expected.Keys.Length; i++)
        {
            var at = joinedAt[expected.Keys[i]];
            for (var d = 0; d < dimensions; d++)
                Assert.Equal(expected.Vectors[i * dimensions + d], joined.Vectors[at * dimensions + d], 1e-5);
        }
    }

    [Fact]
    public async Task A_damaged_part_is_refused_and_the_cache_is_left_as_it_was()
    {
        var golden = TinyGolden.Write(temp);
        var part = temp.Combine("part");
        var embed = await CliRun.RunAsync(CacheAt(temp.Combine("runner")), "embed", "--golden", golden, "--shard", "1/1", "--out", part);
        Assert.True(embed.ExitCode == 0, embed.ToString());
        var file = Assert.Single(Directory.GetFiles(part, "*.embeddings"));
        var bytes = File.ReadAllBytes(file);
        bytes[^40] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var join = await CliRun.RunAsync(CacheAt(temp.Combine("joined")), "merge-embeddings", part, "--golden", golden);

        Assert.True(join.ExitCode == 2, join.ToString());
        Assert.Contains($"error: {file}: not a usable embedding cache part: its checksum does not match its contents", join.Error);
        Assert.False(Directory.Exists(temp.Combine("joined")));
    }

    [Fact]
    public async Task A_retriever_that_embeds_nothing_has_nothing_to_embed()
    {
        var golden = TinyGolden.Write(temp);
        var settings = Path.Combine(golden, "gate.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"k\": 5", "\"kind\": \"bm25\", \"k\": 5", StringComparison.Ordinal));

        var outcome = await CliRun.RunAsync(CacheAt(temp.Combine("cache")), "embed", "--golden", golden, "--out", temp.Combine("part"));

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("retriever.kind 'bm25' embeds no corpus", outcome.Error);
    }
}
