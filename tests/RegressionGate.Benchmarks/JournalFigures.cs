using System.Diagnostics;
using System.Globalization;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>
/// What keeping embedding progress across a kill costs: appending one journal chunk (the vectors of
/// <see cref="EmbeddingJournal.ChunkTexts"/> texts, 384 dimensions) and flushing it to disk, and what a resumed run pays to
/// check a journal left behind. Written in <paramref name="directory"/>, which should be on the disk the cache lives on
/// (a tmpfs would make the flush free).
/// </summary>
public static class JournalFigures
{
    const int Dimensions = 384;

    public static void Run(int chunks, string directory)
    {
        Directory.CreateDirectory(directory);
        var cacheFile = Path.Combine(directory, $"rg-journal-{Guid.NewGuid():N}.embeddings");
        var model = new byte[32];
        var random = new Random(256);
        var vectors = Enumerable.Range(0, EmbeddingJournal.ChunkTexts)
            .Select(_ => Enumerable.Range(0, Dimensions).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var times = new List<double>();
        var journal = EmbeddingJournal.Create(cacheFile, model, 512, Dimensions);
        try
        {
            for (var c = 0; c < chunks; c++)
            {
                var keys = Enumerable.Range(0, EmbeddingJournal.ChunkTexts).Select(i => TextKey.Of($"{c} {i}")).ToArray();
                var clock = Stopwatch.StartNew();
                journal.Append(keys, vectors);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            journal.Dispose();
            var read = Stopwatch.StartNew();
            var adopted = EmbeddingJournal.AdoptLeftovers(cacheFile, model, 512, Dimensions, Console.WriteLine);
            var adoptMs = read.Elapsed.TotalMilliseconds;
            var entries = adopted.Sum(a => a.Entries.Count);
            foreach (var a in adopted) a.Journal.Delete();

            times.Sort();
            const int size = 4 + EmbeddingJournal.ChunkTexts * (32 + Dimensions * 4) + 32;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Embedding journal in {directory}: {chunks} chunks of {EmbeddingJournal.ChunkTexts} vectors × {Dimensions} ({size / 1024} KiB each); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  append + flush to disk: median {times[times.Count / 2]:F1} ms per chunk (min {times[0]:F1}, max {times[^1]:F1})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  adopting it (read, checksum every chunk): {adoptMs:F0} ms for {entries} vectors"));
        }
        finally
        {
            journal.Dispose();
            if (File.Exists(journal.Path)) File.Delete(journal.Path);
        }
    }
}
