using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>
/// The journal a run keeps while it embeds, and what the next run makes of one a killed run left behind. A journal is
/// left here exactly as a killed run leaves it: written by <see cref="EmbeddingJournal"/> with the real model's vectors and
/// closed without the cache file being written. (The real kill of a real process is <c>InterruptedEmbeddingTests</c>.)
/// </summary>
[Collection(BundledModelCollection.Name)]
public sealed class EmbeddingJournalTests(BundledModelFixture model) : IDisposable
{
    static readonly string[] Passages = EmbeddingCacheTests.Passages;

    // magic, version, dimensions, maxTokens, model hash
    const int HeaderSize = 8 + 4 + 4 + 4 + 32;
    static int ChunkSize(int entries) => 4 + entries * (32 + 384 * 4) + 32;

    readonly TempDirectory temp = new();
    readonly List<string> warnings = [];

    public void Dispose() => temp.Dispose();

    string CacheDirectory => temp.Combine("cache");
    string CacheFile => new EmbeddingCache(CacheDirectory).FileFor(model.Embedder.Model, model.Embedder.MaxTokens);
    IEnumerable<string> Journals => Directory.Exists(CacheDirectory) ? Directory.EnumerateFiles(CacheDirectory, "*.journal") : [];
    byte[] ModelHash => Convert.FromHexString(model.Embedder.Model.Sha256);

    /// <summary>What a run killed after journaling these chunks leaves: its journal, closed, and no cache file.</summary>
    string LeaveJournal(params string[][] chunks)
    {
        var journal = EmbeddingJournal.Create(CacheFile, ModelHash, 512, 384);
        foreach (var chunk in chunks) journal.Append([.. chunk.Select(TextKey.Of)], model.Embedder.Embed(chunk));
        journal.Dispose();
        return journal.Path;
    }

    float[][] Run(IReadOnlyList<string> texts, out CountingEmbedder counter)
    {
        counter = new CountingEmbedder(model.Embedder);
        using var cached = new EmbeddingCache(CacheDirectory, warnings.Add).Wrap(counter);
        return cached.Embed(texts);
    }

    [Fact]
    public void A_journal_left_by_a_killed_run_is_served_and_then_folded_into_the_cache_file()
    {
        LeaveJournal(Passages[..2], Passages[2..3]);
        Assert.False(File.Exists(CacheFile));

        var vectors = Run(Passages, out var resumed);

        Assert.Equal([Passages[3]], resumed.Texts);
        Assert.Empty(warnings);
        for (var i = 0; i < Passages.Length; i++) VectorAssert.Close(model.Embedder.Embed(Passages[i]), vectors[i]);
        Assert.Empty(Journals);
        Assert.Equal(56 + 4 * (32 + 384 * 4) + 32, new FileInfo(CacheFile).Length);

        Run(Passages, out var warm);
        Assert.Empty(warm.Texts);
    }

    [Fact]
    public void A_journal_whose_texts_the_file_already_holds_is_removed_without_rewriting_the_file()
    {
        // Killed between writing the file and deleting its journal.
        Run(Passages, out _);
        var written = File.GetLastWriteTimeUtc(CacheFile).AddHours(-1);
        File.SetLastWriteTimeUtc(CacheFile, written);
        LeaveJournal(Passages[..2]);

        Run(Passages, out var counter);

        Assert.Empty(counter.Texts);
        Assert.Empty(Journals);
        Assert.Equal(written, File.GetLastWriteTimeUtc(CacheFile));
    }

    [Theory]
    [InlineData("cut inside the last chunk", 2, "is incomplete")]
    [InlineData("cut inside the last chunk's checksum", 2, "incomplete")]
    [InlineData("a flipped vector byte in the last chunk", 2, "fails its checksum")]
    [InlineData("a flipped key byte in the first chunk", 0, "fails its checksum")]
    [InlineData("a zero entry count in the last chunk", 2, "damaged (entry count 0)")]
    [InlineData("an entry count beyond the file", 2, "incomplete")]
    [InlineData("wrong magic bytes", 0, "not an embedding journal")]
    [InlineData("a header cut short", 0, "shorter than its header")]
    [InlineData("another maxTokens in the header", 0, "another model, maxTokens")]
    public void A_damaged_journal_keeps_only_its_intact_chunks_and_says_so(string damage, int kept, string reported)
    {
        var path = LeaveJournal(Passages[..2], Passages[2..]);
        var bytes = File.ReadAllBytes(path);
        var second = HeaderSize + ChunkSize(2);
        bytes = damage switch
        {
            "cut inside the last chunk" => bytes[..(second + 4 + 32 + 1000)],
            "cut inside the last chunk's checksum" => bytes[..^10],
            "a flipped vector byte in the last chunk" => Flip(bytes, second + 4 + 2 * 32 + 77),
            "a flipped key byte in the first chunk" => Flip(bytes, HeaderSize + 4 + 3),
            "a zero entry count in the last chunk" => [.. bytes[..second], 0, 0, 0, 0, .. bytes[(second + 4)..]],
            "an entry count beyond the file" => [.. bytes[..second], 3, 0, 0, 0, .. bytes[(second + 4)..]],
            "wrong magic bytes" => Flip(bytes, 0),
            "a header cut short" => bytes[..20],
            _ => [.. bytes[..16], 0, 1, 0, 0, .. bytes[20..]],
        };
        File.WriteAllBytes(path, bytes);

        var vectors = Run(Passages, out var resumed);

        var warning = Assert.Single(warnings);
        Assert.Contains(path, warning);
        Assert.Contains(reported, warning);
        Assert.Contains(kept > 0 ? $"the {kept} vectors before it are kept" : "is not used", warning);
        Assert.Equal(Passages[kept..], resumed.Texts); // nothing past the damage was trusted
        for (var i = 0; i < Passages.Length; i++) VectorAssert.Close(model.Embedder.Embed(Passages[i]), vectors[i]);

        Assert.Empty(Journals);
        Run(Passages, out var warm);
        Assert.Empty(warm.Texts);
        Assert.Single(warnings);
    }

    [Fact]
    public void An_empty_journal_from_a_run_killed_before_its_header_is_removed_without_a_word()
    {
        var path = LeaveJournal();
        File.WriteAllBytes(path, []);

        Run(Passages[..1], out var counter);

        Assert.Equal(Passages[..1], counter.Texts);
        Assert.Empty(warnings);
        Assert.Empty(Journals);
    }

    [Fact]
    public void A_journal_another_running_process_holds_is_left_to_it()
    {
        // Held open, as a run still embedding holds its own: locked, so it is not a leftover.
        using var live = EmbeddingJournal.Create(CacheFile, ModelHash, 512, 384);
        live.Append([TextKey.Of(Passages[0])], model.Embedder.Embed(Passages[..1]));

        Run(Passages[..2], out var counter);

        Assert.Equal(Passages[..2], counter.Texts);
        Assert.Equal([live.Path], Journals);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Each_chunk_is_on_disk_before_the_next_is_embedded()
    {
        var texts = Enumerable.Range(0, 2 * EmbeddingJournal.ChunkTexts + 3).Select(i => $"passage: frase número {i}").ToArray();
        var journalBytes = new List<long>();
        var observer = new ObservingEmbedder(model.Embedder, () => journalBytes.Add(Journals.Sum(j => new FileInfo(j).Length)));

        using (var cached = new EmbeddingCache(CacheDirectory, warnings.Add).Wrap(observer, ownsInner: false))
        {
            cached.Embed(texts);
            Assert.Equal([EmbeddingJournal.ChunkTexts, EmbeddingJournal.ChunkTexts, 3], observer.CallSizes);
            Assert.Equal(new long[] { 0, HeaderSize + ChunkSize(256), HeaderSize + 2L * ChunkSize(256) }, journalBytes);
            Assert.False(File.Exists(cached.CacheFile));
        }

        Assert.Empty(Journals);
        Assert.Equal(56 + texts.Length * (32 + 384 * 4) + 32, new FileInfo(CacheFile).Length);
    }

    [Fact]
    public void A_cancelled_run_keeps_the_chunks_it_finished_in_the_cache_file()
    {
        var texts = Enumerable.Range(0, EmbeddingJournal.ChunkTexts + 3).Select(i => $"passage: frase número {i}").ToArray();
        using var cancel = new CancellationTokenSource();
        var observer = new ObservingEmbedder(model.Embedder, () =>
        {
            if (Journals.Any()) cancel.Cancel(); // the first chunk is journaled: Ctrl+C now
        });

        using (var cached = new EmbeddingCache(CacheDirectory, warnings.Add).Wrap(observer, ownsInner: false))
            Assert.ThrowsAny<OperationCanceledException>(() => cached.Embed(texts, cancellationToken: cancel.Token));

        Run(texts, out var resumed);
        Assert.Equal(texts[EmbeddingJournal.ChunkTexts..], resumed.Texts);
        Assert.Empty(warnings);
    }

    static byte[] Flip(byte[] bytes, int index)
    {
        bytes[index] ^= 0xFF;
        return bytes;
    }

    /// <summary>The real model, with a look at the disk before each call the cache makes to it.</summary>
    sealed class ObservingEmbedder(ITextEmbedder inner, Action beforeEachCall) : ITextEmbedder
    {
        public List<int> CallSizes { get; } = [];
        public ModelIdentity Model => inner.Model;
        public int MaxTokens => inner.MaxTokens;
        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        {
            beforeEachCall();
            CallSizes.Add(texts.Count);
            return inner.Embed(texts, progress, cancellationToken);
        }

        public void Dispose()
        {
        }
    }
}
