using System.Diagnostics;
using RegressionGate.Gate;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>Where a warm dense run's time goes, phase by phase, in one process (the cache named by REGRESSIONGATE_CACHE).</summary>
public static class WarmRunProfile
{
    public static void Run(string golden)
    {
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            Console.WriteLine($"  {name,-36} {clock.Elapsed.TotalSeconds,7:F3} s");
            clock.Restart();
        }
        var input = GateInput.Load(golden);
        Phase("load golden set");
        var settings = input.Settings.Retriever;
        var source = EmbeddingModelSource.Resolve(settings.Model, golden);
        _ = source.Identity;
        Phase("model identity (hashes)");
        using var model = OnnxEmbedder.Load(source, settings.MaxTokens);
        Phase("ONNX session");
        var cache = new EmbeddingCache(Environment.GetEnvironmentVariable(EmbeddingCache.EnvironmentVariable)!, Console.Error.WriteLine);
        using var embedder = cache.Wrap(model, ownsInner: false);
        Phase("open cache file");
        using var retriever = new DenseRetriever(input.Golden.Corpus, settings, embedder, ownsEmbedder: false);
        Phase($"index corpus ({embedder.Hits:N0} hits)");
        foreach (var question in input.Golden.Questions) retriever.Retrieve(RetrievalQuery.Of(question), settings.K);
        Phase("100 retrievals");
    }
}
