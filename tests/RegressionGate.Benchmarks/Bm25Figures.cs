using System.Diagnostics;
using RegressionGate.Retrieval;

namespace RegressionGate.Benchmarks;

/// <summary>BM25 (Lucene, Brazilian analyzer, in memory): time to index generated segments, and per-question latency at k = 10 and k = 50.</summary>
public static class Bm25Figures
{
    public static void Run(int segments)
    {
        var texts = PortugueseLectureTexts.Generate(segments, words: 300, seed: 7);
        var corpus = texts.Select((t, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t)).ToList();
        var random = new Random(11);
        var questions = Enumerable.Range(0, 100).Select(i =>
        {
            var words = texts[random.Next(segments)].Split(' ').Where(w => w.Length > 5).ToArray();
            return new RetrievalQuery($"q{i}", $"O que a aula explica sobre {string.Join(", ", Enumerable.Range(0, 4).Select(_ => words[random.Next(words.Length)]))}?");
        }).ToArray();
        var settings = new RetrieverSettings { Kind = Bm25Retriever.Kind };

        Console.WriteLine($"BM25 over {segments:N0} generated segments (~300 words), Brazilian analyzer, k1 1.2, b 0.75; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        var indexing = new List<double>();
        Bm25Retriever? retriever = null;
        for (var run = 0; run < 3; run++)
        {
            retriever?.Dispose();
            var clock = Stopwatch.StartNew();
            retriever = new Bm25Retriever(corpus, settings);
            indexing.Add(clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"  indexing: {string.Join(", ", indexing.Select(s => $"{s:F2} s"))} (median {Median(indexing):F2} s, {segments / Median(indexing):F0} segments/s)");
        foreach (var k in new[] { 10, 50 })
        {
            foreach (var q in questions) retriever!.Retrieve(q, k);
            var latencies = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                foreach (var q in questions)
                {
                    var clock = Stopwatch.StartNew();
                    retriever!.Retrieve(q, k);
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            latencies.Sort();
            Console.WriteLine($"  query, k = {k}: median {Median(latencies):F2} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:F2} ms over {latencies.Count} queries");
        }
        retriever!.Dispose();
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
