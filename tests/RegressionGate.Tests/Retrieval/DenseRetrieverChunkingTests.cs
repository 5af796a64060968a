using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval;

/// <summary>
/// A corpus larger than one chunk goes to the embedder in pieces, so a large corpus never holds every prefixed passage
/// and vector at once. The embedder here is a deterministic stand-in (a vector from each text's hash): these tests are
/// about how the retriever feeds and indexes, not about the model.
/// </summary>
public class DenseRetrieverChunkingTests
{
    [Fact]
    public void A_corpus_beyond_one_chunk_is_embedded_chunk_by_chunk_with_every_vector_under_its_own_id()
    {
        var count = DenseRetriever.ChunkSize * 2 + 5;
        var corpus = Enumerable.Range(1, count)
            .Select(i => new Segment(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v", "", null, new TimeCode(0), new TimeCode(1), $"segmento {i}"))
            .ToList();
        // Queries prefixed like passages, so a query for a passage's own text gets exactly that passage's vector.
        var settings = new RetrieverSettings { QueryPrefix = "passage: " };
        var embedder = new HashEmbedder();
        var progress = new List<int>();

        using var retriever = new DenseRetriever(corpus, settings, embedder, new SynchronousProgress(progress.Add));

        Assert.Equal([DenseRetriever.ChunkSize, DenseRetriever.ChunkSize, 5], embedder.CallSizes);
        Assert.Equal(count, retriever.Count);
        Assert.Equal(count, progress[^1]);
        Assert.Equal(progress.Order(), progress);
        // The passage of segment 4100 (third chunk) finds itself first: its vector sits under its own id.
        Assert.Equal("4100", retriever.Retrieve(new("4100", "segmento 4100"), 1)[0].Id);
        Assert.Equal("7", retriever.Retrieve(new("7", "segmento 7"), 1)[0].Id);
    }

    sealed class HashEmbedder : ITextEmbedder
    {
        public List<int> CallSizes { get; } = [];
        public ModelIdentity Model { get; } = new([new("model.onnx", new string('0', 64))]);
        public int MaxTokens => 512;
        public int Dimensions => 8;

        public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        {
            CallSizes.Add(texts.Count);
            var vectors = texts.Select(text =>
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
                var vector = hash.Take(Dimensions).Select(b => b - 127.5f).ToArray();
                TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
                return vector;
            }).ToArray();
            progress?.Report(texts.Count);
            return vectors;
        }

        public void Dispose()
        {
        }
    }

    sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
