using System.Numerics.Tensors;
using RegressionGate.Gate;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Fills a golden set's embedding cache with stand-in vectors (seeded random unit vectors) for exactly the texts a run
/// embeds — every passage and every question, with their prefixes — under the configured model's identity and
/// <c>maxTokens</c>, through the cache's own writer. A warm run then finds everything cached, as after a cold run, without
/// the cold run's embedding (13 min 43 s at 100,000 segments on this machine). The vectors' values change the rankings,
/// not a warm run's work: the same file is read, the same keys looked up, the same index searched.
/// </summary>
public static class StandInCache
{
    public static void Fill(string golden, string cacheDirectory)
    {
        var input = GateInput.Load(golden);
        var settings = input.Settings.Retriever;
        var cache = new EmbeddingCache(cacheDirectory, Console.Error.WriteLine);
        using var model = ConfiguredEmbedder.Load(golden, settings.Model, settings.MaxTokens);
        using var embedder = cache.Wrap(new StandIn(model), ownsInner: true);
        using (new DenseRetriever(input.Golden.Corpus, settings, embedder, ownsEmbedder: false))
        {
        }
        embedder.Embed(input.Golden.Questions.Select(q => settings.QueryPrefix + q.Text).ToList());
        Console.WriteLine($"stand-in vectors for {embedder.Embedded:N0} texts written to {embedder.CacheFile}");
    }

    /// <summary>The model's identity and shape, with vectors drawn from a generator seeded by the text.</summary>
    sealed class StandIn(ITextEmbedder model) : ITextEmbedder
    {
        public ModelIdentity Model => model.Model;
        public int MaxTokens => model.MaxTokens;
        public int Dimensions => model.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        {
            var vectors = texts.Select(text =>
            {
                var random = new Random((int)TextKey.Of(text).A);
                var vector = new float[Dimensions];
                for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
                TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
                return vector;
            }).ToArray();
            progress?.Report(vectors.Length);
            return vectors;
        }

        public void Dispose() => model.Dispose();
    }
}
