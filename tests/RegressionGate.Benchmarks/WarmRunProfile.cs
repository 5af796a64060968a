using System.Diagnostics;
using RegressionGate.Gate;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Where a warm run's retrieval time goes, phase by phase, in one process, as wall time and as this process's CPU time
/// (which a loaded machine inflates much less): loading the golden set, building the retriever from the cache named by
/// REGRESSIONGATE_CACHE, and retrieving for every question. Run it after a run has filled the caches (see warm.sh).
/// </summary>
public static class WarmRunProfile
{
    public static void Run(string golden)
    {
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        void Phase(string name)
        {
            process.Refresh();
            Console.WriteLine($"  {name,-40} wall {clock.Elapsed.TotalSeconds,7:F3} s   CPU {(process.TotalProcessorTime - cpu).TotalSeconds,7:F3} s");
            clock.Restart();
            cpu = process.TotalProcessorTime;
        }
        Console.WriteLine($"{golden}: load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        var input = GateInput.Load(golden);
        Phase($"load golden set ({input.Golden.Corpus.Count:N0} segments)");
        var cache = EmbeddingCache.ForGolden(golden, Environment.GetEnvironmentVariable(EmbeddingCache.EnvironmentVariable), Console.Error.WriteLine);
        using var retriever = input.CreateRetriever(cache);
        Phase($"{input.Settings.Retriever.Kind} retriever from the cache");
        // As a run asks: every question at once (GateRunner batches them the same way).
        retriever.RetrieveAll([.. input.Golden.Questions.Select(RetrievalQuery.Of)], input.Settings.Retriever.K);
        Phase($"{input.Golden.Questions.Count} retrievals");
    }
}
