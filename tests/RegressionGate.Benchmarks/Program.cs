using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using RegressionGate.Benchmarks;

// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/RegressionGate.Benchmarks -- paired [texts]   (interleaved embedding comparison)
if (args is ["paired", ..])
{
    PairedEmbeddingComparison.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : EmbeddingThroughputBenchmarks.TextCount);
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
    }
}
