using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Cold embedding against its ceiling: a bare ONNX Runtime session running the very same token batches (tokenized, sorted
/// and padded beforehand, outputs into a preallocated buffer, nothing else), our <see cref="OnnxEmbedder"/> (tokenizing,
/// running, pooling, normalising), and the same behind a cold <see cref="EmbeddingCache"/> (hashing and storing every text
/// too). The texts go through in chunks of 64, every contender embedding each chunk in turn (rotating who goes first), so a
/// load that comes and goes on a shared machine hits all three alike.
/// </summary>
public static class BareSessionComparison
{
    const int Chunk = 64;
    const int BatchSize = 8;

    public static void Run(int count, int maxTokens)
    {
        var texts = PortugueseLectureTexts.Generate(count).Select(t => "passage: " + t).ToArray();
        var options = new OnnxEmbedderOptions { BatchSize = BatchSize };
        using var ours = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, maxTokens, options);
        using var bare = new InferenceSession(EmbeddingModelSource.Bundled.ReadModel(), options.CreateSessionOptions());
        var cacheDirectory = Path.Combine(Path.GetTempPath(), $"rg-ceiling-{Guid.NewGuid():N}");
        var cached = new EmbeddingCache(cacheDirectory).Wrap(ours, ownsInner: false);
        var tokens = texts.Select(t => ours.Tokenizer.Encode(t, maxTokens)).ToArray();

        var chunks = Enumerable.Range(0, (count + Chunk - 1) / Chunk).Select(c => (Start: c * Chunk, Length: Math.Min(Chunk, count - c * Chunk))).ToArray();
        var bareBatches = chunks.Select(c => BareBatches(tokens.AsSpan(c.Start, c.Length).ToArray(), ours.Tokenizer.PadId)).ToArray();
        // Warm-up on the first chunk (the cached contender's copies land in the cache: its timed pass starts after them).
        RunBare(bare, bareBatches[0], ours.Dimensions);
        ours.Embed(texts[..Chunk]);

        var seconds = new double[3];
        var perChunk = new List<(double Bare, double Ours, double Cached)>();
        var clock = new Stopwatch();
        for (var c = 1; c < chunks.Length; c++)
        {
            var slice = texts.AsSpan(chunks[c].Start, chunks[c].Length).ToArray();
            var times = new double[3];
            for (var turn = 0; turn < 3; turn++)
            {
                var who = (c + turn) % 3;
                clock.Restart();
                switch (who)
                {
                    case 0: RunBare(bare, bareBatches[c], ours.Dimensions); break;
                    case 1: ours.Embed(slice); break;
                    case 2: cached.Embed(slice); break;
                }
                times[who] = clock.Elapsed.TotalSeconds;
            }
            for (var who = 0; who < 3; who++) seconds[who] += times[who];
            perChunk.Add((times[0], times[1], times[2]));
        }
        clock.Restart();
        cached.Dispose(); // writes the cache file
        var flush = clock.Elapsed.TotalSeconds;
        Directory.Delete(cacheDirectory, recursive: true);

        var timed = texts.Length - Chunk;
        var meanTokens = tokens.Skip(Chunk).Average(t => t.Length);
        Console.WriteLine($"Cold embedding ceiling: {timed} Portuguese texts of ~300 words, maxTokens {maxTokens} ({meanTokens:F1} tokens each), batches of {BatchSize}, bundled all-MiniLM-L6-v2");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        string[] names = ["bare session", "OnnxEmbedder", "cached, cold"];
        for (var who = 0; who < 3; who++)
        {
            Console.WriteLine($"  {names[who],-13} {timed / seconds[who],8:F2} texts/s {timed * meanTokens / seconds[who],9:F0} tokens/s" +
                (who == 0 ? "" : $"   {seconds[0] / seconds[who]:P1} of bare (median per chunk {Median(perChunk.Select(p => p.Bare / (who == 1 ? p.Ours : p.Cached))):P1})"));
        }
        Console.WriteLine($"  writing the cache file of {timed + Chunk} vectors: {flush * 1000:F0} ms");
    }

    sealed record BareBatch(long[] Ids, long[] Mask, long[] Types, long[] Shape, float[] Output);

    /// <summary>The chunk's token rows sorted longest first (as the embedder sorts them) and padded into batches.</summary>
    static BareBatch[] BareBatches(int[][] rows, int padId)
    {
        var order = Enumerable.Range(0, rows.Length).OrderByDescending(i => rows[i].Length).ThenBy(i => i).ToArray();
        var batches = new List<BareBatch>();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.Skip(start).Take(BatchSize).Select(i => rows[i]).ToArray();
            var width = batch.Max(r => r.Length);
            var ids = new long[batch.Length * width];
            var mask = new long[batch.Length * width];
            for (var r = 0; r < batch.Length; r++)
            {
                for (var t = 0; t < width; t++)
                {
                    ids[r * width + t] = t < batch[r].Length ? batch[r][t] : padId;
                    mask[r * width + t] = t < batch[r].Length ? 1 : 0;
                }
            }
            batches.Add(new BareBatch(ids, mask, new long[ids.Length], [batch.Length, width], new float[ids.Length * 384]));
        }
        return [.. batches];
    }

    static void RunBare(InferenceSession session, BareBatch[] batches, int dimensions)
    {
        using var runOptions = new RunOptions();
        foreach (var batch in batches)
        {
            var memory = OrtMemoryInfo.DefaultInstance;
            using var ids = OrtValue.CreateTensorValueFromMemory(memory, batch.Ids.AsMemory(), batch.Shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(memory, batch.Mask.AsMemory(), batch.Shape);
            using var types = OrtValue.CreateTensorValueFromMemory(memory, batch.Types.AsMemory(), batch.Shape);
            using var output = OrtValue.CreateTensorValueFromMemory(memory, batch.Output.AsMemory(), [batch.Shape[0], batch.Shape[1], dimensions]);
            session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [ids, mask, types], ["last_hidden_state"], [output]);
        }
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
