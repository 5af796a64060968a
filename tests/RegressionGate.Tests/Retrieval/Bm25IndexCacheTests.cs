using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Retrieval;

/// <summary>
/// The BM25 index kept in the cache folder: reused as it is by a warm run (the retriever says so, and no file of the
/// index is touched), keyed by corpus, analyzer and parameters, rebuilt with a warning when damaged.
/// </summary>
public sealed class Bm25IndexCacheTests : IDisposable
{
    static readonly (string Id, string Text)[] Lectures = Bm25RetrieverTests.Lectures;

    static readonly string[] Questions =
        ["Para que serve a camada de pooling?", "Como o gradiente descendente atualiza os pesos?", "centróides do k-means", "taxa de aprendizado"];

    static readonly RetrieverSettings Settings = new() { Kind = Bm25Retriever.Kind };

    readonly TempDirectory temp = new();
    readonly List<string> warnings = [];

    public void Dispose() => temp.Dispose();

    string CacheDirectory => temp.Combine("cache");

    string Golden => temp.Combine("golden");

    Bm25Retriever Cached(IReadOnlyList<(string, string)> corpus, RetrieverSettings? settings = null) =>
        new(corpus, settings ?? Settings, new Bm25IndexCache(CacheDirectory, warnings.Add), Golden);

    IReadOnlyList<string> IndexFolders() =>
        Directory.Exists(CacheDirectory) ? Directory.EnumerateDirectories(CacheDirectory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Every file of the folder with its length and last write time: what a rebuild would change.</summary>
    static IReadOnlyList<string> Files(string folder) =>
        Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}").ToList();

    static IReadOnlyList<string> Rankings(Bm25Retriever retriever) =>
        Questions.SelectMany(q => retriever.Retrieve(new RetrievalQuery("q", q), 5).Select(r => $"{q} {r.Rank} {r.Id} {r.Score:R}")).ToList();

    [Fact]
    public void A_second_retriever_over_the_same_corpus_opens_the_kept_index_untouched_and_ranks_alike()
    {
        using var inMemory = new Bm25Retriever(Lectures, Settings);
        string folder;
        IReadOnlyList<string> files;
        using (var cold = Cached(Lectures))
        {
            Assert.False(cold.FromCache);
            folder = temp.Combine("cache", Assert.Single(IndexFolders()));
            Assert.Equal(Bm25IndexCache.KeyOf(Lectures, Settings.Bm25), Path.GetFileName(folder)["bm25-".Length..]);
            files = Files(folder);
            Assert.Equal(Rankings(inMemory), Rankings(cold));
        }
        foreach (var file in Directory.EnumerateFiles(folder)) File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        files = Files(folder);

        using var warm = Cached(Lectures);

        Assert.True(warm.FromCache);
        Assert.Equal(files, Files(folder));
        Assert.Equal([Path.GetFileName(folder)], IndexFolders());
        Assert.Equal(Rankings(inMemory), Rankings(warm));
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_key_changes_with_a_segment_an_id_the_order_the_analyzer_k1_and_b_but_not_with_k()
    {
        var key = Bm25IndexCache.KeyOf(Lectures, Settings.Bm25);
        var edited = Lectures.Select((l, i) => i == 2 ? (l.Id, l.Text + " ") : l).ToArray();
        var renamed = Lectures.Select((l, i) => i == 2 ? ("3b", l.Text) : l).ToArray();
        // The boundary between id and text is part of the key: moving a character across it is another corpus.
        var shifted = Lectures.Select((l, i) => i == 0 ? (l.Id + "A", l.Text[1..]) : l).ToArray();

        Assert.Equal(key, Bm25IndexCache.KeyOf(Lectures.ToList(), (Settings with { K = 3 }).Bm25));
        Assert.Distinct([
            key,
            Bm25IndexCache.KeyOf(edited, Settings.Bm25),
            Bm25IndexCache.KeyOf(renamed, Settings.Bm25),
            Bm25IndexCache.KeyOf(shifted, Settings.Bm25),
            Bm25IndexCache.KeyOf(Lectures.Reverse().ToArray(), Settings.Bm25),
            Bm25IndexCache.KeyOf(Lectures, Settings.Bm25 with { Analyzer = Bm25Analyzers.Portuguese }),
            Bm25IndexCache.KeyOf(Lectures, Settings.Bm25 with { K1 = 1.3 }),
            Bm25IndexCache.KeyOf(Lectures, Settings.Bm25 with { B = 0.7 }),
        ]);
    }

    [Fact]
    public void An_edited_corpus_builds_a_new_index_and_removes_the_one_it_replaces()
    {
        using (Cached(Lectures)) { }
        var before = Assert.Single(IndexFolders());
        var edited = Lectures.Select((l, i) => i == 4 ? (l.Id, "Hoje vamos falar de redes convolucionais e de pooling.") : l).ToArray();

        using var retriever = Cached(edited);

        Assert.False(retriever.FromCache);
        var after = Assert.Single(IndexFolders());
        Assert.NotEqual(before, after);
        Assert.Equal("bm25-" + Bm25IndexCache.KeyOf(edited, Settings.Bm25), after);
        Assert.Contains("5", retriever.Retrieve(new RetrievalQuery("q", "redes convolucionais"), 5).Select(r => r.Id));
        Assert.Empty(warnings);
    }

    public static TheoryData<string> Damages => ["flipped byte", "cut file", "missing manifest", "manifest of another corpus", "deleted segment file"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_index_is_reported_rebuilt_and_then_reused(string damage)
    {
        using var inMemory = new Bm25Retriever(Lectures, Settings);
        using (Cached(Lectures)) { }
        var folder = temp.Combine("cache", Assert.Single(IndexFolders()));
        var manifest = Path.Combine(folder, "regression-gate-bm25.json");
        var largest = Directory.EnumerateFiles(folder).Where(f => f != manifest).MaxBy(f => new FileInfo(f).Length)!;
        switch (damage)
        {
            case "flipped byte":
                var bytes = File.ReadAllBytes(largest);
                bytes[bytes.Length / 2] ^= 0x5A;
                File.WriteAllBytes(largest, bytes);
                break;
            case "cut file":
                using (var stream = new FileStream(largest, FileMode.Open)) stream.SetLength(stream.Length - 7);
                break;
            case "missing manifest":
                File.Delete(manifest);
                break;
            case "manifest of another corpus":
                File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"documents\": 5", "\"documents\": 6", StringComparison.Ordinal));
                break;
            case "deleted segment file":
                File.Delete(largest);
                break;
        }

        using (var rebuilt = Cached(Lectures))
        {
            Assert.False(rebuilt.FromCache);
            var warning = Assert.Single(warnings);
            Assert.StartsWith($"BM25 index '{folder}' is not used: ", warning, StringComparison.Ordinal);
            Assert.EndsWith("; it will be rebuilt", warning, StringComparison.Ordinal);
            Assert.Equal(Rankings(inMemory), Rankings(rebuilt));
        }
        Assert.Equal([Path.GetFileName(folder)], IndexFolders());

        using var warm = Cached(Lectures);
        Assert.True(warm.FromCache);
        Assert.Single(warnings);
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_is_one_warning_and_the_index_is_built_in_memory()
    {
        var blocker = temp.Write("cache", "a file where the cache folder should be");

        using var retriever = new Bm25Retriever(Lectures, Settings, new Bm25IndexCache(Path.Combine(blocker, "inner"), warnings.Add), Golden);

        Assert.False(retriever.FromCache);
        Assert.Equal("1", retriever.Retrieve(new RetrievalQuery("q", Questions[0]), 1)[0].Id);
        var warning = Assert.Single(warnings);
        Assert.StartsWith($"BM25 index could not be kept in '{Path.Combine(blocker, "inner")}'", warning, StringComparison.Ordinal);
        Assert.EndsWith("; this run indexes in memory", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_left_part_built_by_a_dead_run_is_never_read_and_is_cleared_once_stale()
    {
        var key = Bm25IndexCache.KeyOf(Lectures, Settings.Bm25);
        var stale = Directory.CreateDirectory(temp.Combine("cache", $".bm25-{key}.0123{RegressionGate.Files.AtomicFile.TempSuffix}")).FullName;
        File.WriteAllText(Path.Combine(stale, "segments_1"), "half written");
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-1));
        var recent = Directory.CreateDirectory(temp.Combine("cache", $".bm25-{key}.4567{RegressionGate.Files.AtomicFile.TempSuffix}")).FullName;

        using var retriever = Cached(Lectures);

        Assert.False(retriever.FromCache);
        Assert.Empty(warnings);
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(recent), "a recent temp folder may be another run's build in progress");
        Assert.Equal([Path.GetFileName(recent), "bm25-" + key], IndexFolders());
    }
}
