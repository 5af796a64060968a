using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using RegressionGate.Benchmarks;

// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- paired [texts]   (interleaved embedding comparison)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- golden DIR SEGMENTS QUESTIONS [MAX_TOKENS] [KIND]   (see bench.sh)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- standin GOLDEN CACHE   (stand-in vectors in the embedding cache: see warm.sh)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- batch [CALLS]   (batch-mode record vs chat record vs replay, loopback servers)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- ceiling [TEXTS] [MAX_TOKENS]   (ours vs a bare ONNX Runtime session)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- bm25 [SEGMENTS]   (BM25 indexing and query time)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- hash   (SHA-256 of the bundled model)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- journal [CHUNKS] [DIR]   (embedding journal: append + flush, adoption)
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- tokenize [MAX_TOKENS]   (Unigram vs WordPiece tokenization speed)
static int Int(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

switch (args)
{
    case ["paired", ..]:
        PairedEmbeddingComparison.Run(Int(args, 1, EmbeddingThroughputBenchmarks.TextCount));
        return;
    case ["golden", var directory, ..]:
        GeneratedGolden.Write(directory, Int(args, 2, 8000), Int(args, 3, 100), Int(args, 4, 512), args.Length > 5 ? args[5] : "dense");
        return;
    case ["standin", var golden, var cache]:
        StandInCache.Fill(golden, cache);
        return;
    case ["profile", var golden]:
        WarmRunProfile.Run(golden);
        return;
    case ["batch", ..]:
        await BatchFigures.RunAsync(Int(args, 1, 1000));
        return;
    case ["ceiling", ..]:
        BareSessionComparison.Run(Int(args, 1, 400), Int(args, 2, 512));
        return;
    case ["bm25", ..]:
        Bm25Figures.Run(Int(args, 1, 8000));
        return;
    case ["journal", ..]:
        JournalFigures.Run(Int(args, 1, 40), args.Length > 2 ? args[2] : Path.Combine(Environment.CurrentDirectory, ".rg-journal-figures"));
        return;
    case ["hash", ..]:
        HashFigures.Run();
        return;
    case ["tokenize", ..]:
        TokenizerFigures.Run(Int(args, 1, 512));
        return;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
Figures.Print(summaries);

/// <summary>The numbers the README quotes, derived from BenchmarkDotNet's medians: texts/s, tokens/s, ratio, ms per query.</summary>
static class Figures
{
    public static void Print(IEnumerable<Summary> summaries)
    {
        var medians = summaries.SelectMany(s => s.Reports)
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => r.ResultStatistics!.Median);
        if (medians.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine("Figures (medians)");
        if (medians.TryGetValue(nameof(EmbeddingThroughputBenchmarks.Ours), out var ours) | medians.TryGetValue(nameof(EmbeddingThroughputBenchmarks.Package), out var package))
        {
            var tokens = EmbeddingThroughputBenchmarks.MeanTokensPerText();
            Console.WriteLine($"  {EmbeddingThroughputBenchmarks.TextCount} Portuguese texts of ~300 words, max {EmbeddingThroughputBenchmarks.MaxTokens} tokens, batch 1; {tokens:F1} tokens per text (our tokenizer)");
            if (ours > 0) Console.WriteLine($"  ours:    {1e9 / ours,8:F2} texts/s {tokens * 1e9 / ours,10:F0} tokens/s");
            if (package > 0) Console.WriteLine($"  package: {1e9 / package,8:F2} texts/s {tokens * 1e9 / package,10:F0} tokens/s");
            if (ours > 0 && package > 0) Console.WriteLine($"  ours / package throughput: {package / ours:F2}x (target >= 1.0x)");
        }
        if (medians.TryGetValue(nameof(SearchLatencyBenchmarks.Top10), out var search))
        {
            Console.WriteLine($"  top-10 over {SearchLatencyBenchmarks.Vectors:N0} x {SearchLatencyBenchmarks.Dimensions}: {search / 1e6:F3} ms per query (target <= 0.3 ms)");
        }
        foreach (var (name, k) in new[] { (nameof(SearchAtScaleBenchmarks.Top10At100k), 10), (nameof(SearchAtScaleBenchmarks.Top50At100k), 50) })
        {
            if (medians.TryGetValue(name, out var atScale))
                Console.WriteLine($"  top-{k} over {SearchAtScaleBenchmarks.Vectors:N0} x {SearchAtScaleBenchmarks.Dimensions}: {atScale / 1e6:F3} ms per query");
        }
    }
}
