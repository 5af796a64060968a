using RegressionGate.Files;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>
/// The on-disk embedding cache in front of the real bundled model. Each test has its own cache directory; a new
/// <see cref="EmbeddingCache"/> over the same directory stands for the next run of the gate.
/// </summary>
[Collection(BundledModelCollection.Name)]
public sealed class EmbeddingCacheTests(BundledModelFixture model) : IDisposable
{
    /// <summary>Four short passages of different lengths; the journal tests use them too.</summary>
    internal static readonly string[] Passages =
    [
        "passage: a camada de pooling reduz a dimensão espacial dos mapas de características",
        "passage: o gradiente descendente ajusta os pesos na direção oposta ao gradiente",
        "passage: o k-means agrupa os pontos pelo centróide mais próximo",
        "passage: a taxa de aprendizado controla o tamanho do passo",
    ];

    readonly TempDirectory temp = new();
    readonly List<string> warnings = [];

    public void Dispose() => temp.Dispose();

    string CacheDirectory => temp.Combine("cache");

    /// <summary>One "run": a fresh cache over the same directory, the real model behind a counter.</summary>
    (CachingEmbedder Cached, CountingEmbedder Counter) Run()
    {
        var counter = new CountingEmbedder(model.Embedder);
        return (new EmbeddingCache(CacheDirectory, warnings.Add).Wrap(counter), counter);
    }

    float[][] EmbedOnce(IReadOnlyList<string> texts, out CountingEmbedder counter)
    {
        var (cached, c) = Run();
        counter = c;
        using (cached) return cached.Embed(texts);
    }

    string CacheFile => Directory.EnumerateFiles(CacheDirectory).Single();

    [Fact]
    public void A_second_run_embeds_nothing_and_gets_the_same_vectors_bit_for_bit()
    {
        var first = EmbedOnce(Passages, out var cold);
        Assert.Equal(Passages, cold.Texts);

        var second = EmbedOnce(Passages, out var warm);

        Assert.Empty(warm.Texts);
        for (var i = 0; i < Passages.Length; i++) Assert.Equal(first[i], second[i]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_changed_segment_re_embeds_only_itself()
    {
        EmbedOnce(Passages, out _);
        var edited = Passages.ToArray();
        edited[2] = "passage: o k-means agrupa os pontos pelo centróide mais próximo, repetindo até convergir";

        var vectors = EmbedOnce(edited, out var counter);

        Assert.Equal([edited[2]], counter.Texts);
        VectorAssert.Close(model.Embedder.Embed(edited[2]), vectors[2]);
    }

    [Fact]
    public void A_warm_run_finds_each_cached_text_in_the_mapped_file_and_leaves_the_rest_to_embed()
    {
        var cold = EmbedOnce(Passages, out _);
        var texts = Passages.Select(p => p["passage: ".Length..]).ToList();
        texts.Insert(2, "um trecho que nenhuma execução embutiu");

        var (cached, counter) = Run();
        using (cached)
        {
            var rows = cached.Locate("passage: ", texts, out var block);

            Assert.NotNull(block);
            Assert.Equal(-1, rows[2]);
            var found = rows.Where((_, i) => i != 2).ToList();
            Assert.All(found, row => Assert.InRange(row, 0, Passages.Length - 1));
            for (var i = 0; i < Passages.Length; i++) Assert.Equal(cold[i], block!.Row(found[i]).ToArray());
            Assert.Equal(Passages.Length, cached.Hits);
        }
        Assert.Empty(counter.Texts);
    }

    [Fact]
    public void A_run_that_embeds_while_the_file_is_mapped_replaces_it_with_one_holding_both()
    {
        var cold = EmbedOnce(Passages, out _);
        const string added = "passage: a validação cruzada estima o erro fora da amostra";

        var (cached, _) = Run();
        using (cached)
        {
            var rows = cached.Locate("", Passages, out var block);
            Assert.All(rows, row => Assert.True(row >= 0));
            cached.Embed([added]);
            // The mapped vectors are still readable while the new text waits in the journal.
            Assert.Equal(cold[0], block!.Row(rows[0]).ToArray());
        }

        Assert.Equal(56 + (Passages.Length + 1) * (32 + 384 * 4) + 32, new FileInfo(CacheFile).Length);
        var warm = EmbedOnce([.. Passages, added], out var counter);
        Assert.Empty(counter.Texts);
        for (var i = 0; i < Passages.Length; i++) Assert.Equal(cold[i], warm[i]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Mapping_a_file_gives_the_keys_and_vectors_reading_it_gives()
    {
        EmbedOnce(Passages, out _);
        var modelHash = Convert.FromHexString(model.Embedder.Model.Sha256);

        var (read, readProblem) = EmbeddingCacheFile.Read(CacheFile, modelHash, 512, 384);
        var (mapped, mapProblem) = EmbeddingCacheFile.Map(CacheFile, modelHash, 512, 384);

        Assert.Null(readProblem);
        Assert.Null(mapProblem);
        using (mapped)
        {
            Assert.Equal(read!.Keys, mapped!.Keys);
            Assert.Equal(read.Keys.Length, mapped.Vectors.Count);
            for (var i = 0; i < read.Keys.Length; i++) Assert.Equal(read.Vectors.AsSpan(i * 384, 384).ToArray(), mapped.Vectors.Row(i).ToArray());
        }
    }

    [Fact]
    public void The_key_is_the_exact_prefixed_text()
    {
        EmbedOnce(Passages, out _);
        EmbedOnce(["query: " + Passages[0]["passage: ".Length..]], out var counter);
        Assert.Single(counter.Texts);
    }

    [Fact]
    public void Each_model_and_max_tokens_has_its_own_file_named_by_the_model_hash()
    {
        EmbedOnce(Passages, out _);
        Assert.Equal($"{model.Embedder.Model.Sha256}-512.embeddings", Path.GetFileName(CacheFile));
        using var short128 = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, 128);
        using (var cached = new EmbeddingCache(CacheDirectory).Wrap(short128, ownsInner: false)) cached.Embed([Passages[0]]);
        Assert.Equal(2, Directory.EnumerateFiles(CacheDirectory).Count());
    }

    [Fact]
    public void A_run_that_embeds_nothing_new_does_not_rewrite_the_file()
    {
        EmbedOnce(Passages, out _);
        var written = File.GetLastWriteTimeUtc(CacheFile);
        File.SetLastWriteTimeUtc(CacheFile, written.AddHours(-1));

        EmbedOnce(Passages, out _);

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(CacheFile));
    }

    [Fact]
    public void The_file_is_written_through_a_temp_file_that_does_not_stay_behind()
    {
        EmbedOnce(Passages, out _);
        Assert.Empty(Directory.EnumerateFiles(CacheDirectory, "*" + AtomicFile.TempSuffix));
        // header 56 + 4 × (32-byte key + 384 floats) + 32-byte checksum
        Assert.Equal(56 + Passages.Length * (32 + 384 * 4) + 32, new FileInfo(CacheFile).Length);
    }

    [Theory]
    [InlineData("truncated", "truncated")]
    [InlineData("flipped vector byte", "checksum")]
    [InlineData("flipped key byte", "checksum")]
    [InlineData("wrong magic", "not an embedding cache file")]
    [InlineData("empty", "truncated")]
    public void A_damaged_file_is_reported_never_used_and_rebuilt(string damage, string reported)
    {
        var fresh = EmbedOnce(Passages, out _);
        var bytes = File.ReadAllBytes(CacheFile);
        bytes = damage switch
        {
            "truncated" => bytes[..^100],
            "flipped vector byte" => Flip(bytes, 56 + Passages.Length * 32 + 1000),
            "flipped key byte" => Flip(bytes, 56 + 5),
            "wrong magic" => Flip(bytes, 0),
            _ => [],
        };
        File.WriteAllBytes(CacheFile, bytes);

        var vectors = EmbedOnce(Passages, out var counter);

        var warning = Assert.Single(warnings);
        Assert.Contains(CacheFile, warning);
        Assert.Contains(reported, warning);
        Assert.Contains("rebuilt", warning);
        Assert.Equal(Passages, counter.Texts); // nothing was taken from the damaged file
        for (var i = 0; i < Passages.Length; i++) VectorAssert.Close(fresh[i], vectors[i]);

        EmbedOnce(Passages, out var afterRebuild);
        Assert.Empty(afterRebuild.Texts);
        Assert.Single(warnings);
    }

    [Fact]
    public void A_file_written_for_other_settings_is_not_used()
    {
        using var short128 = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, 128);
        string otherFile;
        using (var cached = new EmbeddingCache(CacheDirectory).Wrap(short128, ownsInner: false))
        {
            cached.Embed(Passages);
            otherFile = cached.CacheFile;
        }
        // Renamed to where the 512-token file belongs, it still says 128 inside.
        File.Move(otherFile, new EmbeddingCache(CacheDirectory).FileFor(model.Embedder.Model, 512));

        EmbedOnce(Passages, out var counter);

        Assert.Contains("another model, maxTokens", Assert.Single(warnings));
        Assert.Equal(Passages, counter.Texts);
    }

    [Fact]
    public void Embedders_of_one_cache_share_entries_so_neither_overwrites_the_other()
    {
        var cache = new EmbeddingCache(CacheDirectory);
        using (var retriever = cache.Wrap(new CountingEmbedder(model.Embedder))) retriever.Embed(Passages[..2]);
        using (var judge = cache.Wrap(new CountingEmbedder(model.Embedder))) judge.Embed(Passages[2..]);

        EmbedOnce(Passages, out var counter);

        Assert.Empty(counter.Texts);
    }

    [Fact]
    public void A_text_embedded_earlier_in_the_same_run_is_served_to_another_embedder_of_the_cache()
    {
        var cache = new EmbeddingCache(CacheDirectory);
        var retrieverCounter = new CountingEmbedder(model.Embedder);
        var judgeCounter = new CountingEmbedder(model.Embedder);
        using var retriever = cache.Wrap(retrieverCounter);
        using var judge = cache.Wrap(judgeCounter);
        var first = retriever.Embed(Passages);

        var again = judge.Embed([Passages[3], Passages[1]]);

        Assert.Empty(judgeCounter.Texts);
        Assert.Equal(first[3], again[0]);
        Assert.Equal(first[1], again[1]);
        Assert.False(Directory.Exists(CacheDirectory) && Directory.EnumerateFiles(CacheDirectory, "*.embeddings").Any(),
            "the file is written when the last embedder is disposed, not before");
    }

    [Fact]
    public void Entries_this_run_did_not_use_are_dropped_once_they_outnumber_the_used_ones()
    {
        EmbedOnce(Passages, out _);
        // Uses one old entry and adds one: 2 used, 3 unused, 5 ≤ 2 × 2 is false, so only the 2 used ones are kept.
        EmbedOnce([Passages[0], "passage: outra coisa"], out _);
        Assert.Equal(56 + 2 * (32 + 384 * 4) + 32, new FileInfo(CacheFile).Length);

        // Uses both and adds one: 3 used, 2 before, all kept.
        EmbedOnce([Passages[0], "passage: outra coisa", "passage: mais uma"], out _);
        EmbedOnce(["passage: mais uma", "passage: e outra"], out var counter);
        Assert.Equal(["passage: e outra"], counter.Texts);
        Assert.Equal(56 + 4 * (32 + 384 * 4) + 32, new FileInfo(CacheFile).Length);
    }

    [Fact]
    public void Repeated_texts_in_one_call_are_embedded_once_and_progress_counts_every_text()
    {
        var (cached, counter) = Run();
        var reports = new List<int>();
        using (cached) cached.Embed([Passages[0], Passages[1], Passages[0]], new SynchronousProgress(reports.Add));
        Assert.Equal([Passages[0], Passages[1]], counter.Texts);
        Assert.Equal(3, reports[^1]);

        var (again, _) = Run();
        reports.Clear();
        using (again) again.Embed([Passages[0], "passage: nova"], new SynchronousProgress(reports.Add));
        Assert.Equal([1, 2], reports);
    }

    [Fact]
    public void The_default_location_is_beside_the_golden_directory_unless_the_environment_names_one()
    {
        var golden = temp.Combine("repo", "golden");
        Assert.Equal(temp.Combine("repo", ".regression-gate-cache"), EmbeddingCache.ForGolden(golden, null).Directory);
        Assert.Equal(temp.Combine("repo", ".regression-gate-cache"), EmbeddingCache.ForGolden(golden, " ").Directory);
        Assert.Equal(temp.Combine("elsewhere"), EmbeddingCache.ForGolden(golden, temp.Combine("elsewhere")).Directory);
    }

    static byte[] Flip(byte[] bytes, int index)
    {
        bytes[index] ^= 0xFF;
        return bytes;
    }

    sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
