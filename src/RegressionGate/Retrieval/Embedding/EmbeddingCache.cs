using RegressionGate.Files;
using RegressionGate.Retrieval;
using ModelKey = (string Model, int MaxTokens);

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// Corpus (and question) embeddings kept on disk between runs, so a second run embeds nothing and an edited segment
/// re-embeds only itself. One file per model identity and <c>maxTokens</c> under <see cref="Directory"/>; entries are keyed
/// by the SHA-256 of the exact prefixed text.
/// </summary>
/// <remarks>
/// Where: <c>REGRESSIONGATE_CACHE</c>, else <c>.regression-gate-cache/</c> beside the golden directory (the workflow keeps
/// that folder between CI runs; it is git-ignored). A damaged file is reported through the warning callback, ignored, and
/// rewritten. Embedders created from one instance share each model's entries, so a retriever and a judge embedding with the
/// same model never overwrite each other's additions; the file is written once the last of them is disposed. Until then new
/// vectors are journaled to disk chunk by chunk (<see cref="EmbeddingJournal"/>), so a run that is killed part way leaves
/// them to the next. A directory that cannot be written is one warning; the run goes on without keeping new vectors.
/// </remarks>
internal sealed class EmbeddingCache
{
    public const string EnvironmentVariable = "REGRESSIONGATE_CACHE";
    public const string DefaultFolderName = ".regression-gate-cache";
    const string Extension = ".embeddings";

    readonly Dictionary<ModelKey, EmbeddingStore> stores = [];
    readonly Action<string> warn;

    /// <param name="warn">Receives problems that do not stop the run, such as a damaged cache file being rebuilt.</param>
    public EmbeddingCache(string directory, Action<string>? warn = null)
    {
        Directory = Path.GetFullPath(directory);
        // Warnings may come from two threads at once (a hybrid retriever builds its dense and BM25 halves together):
        // the callback hears them one at a time.
        var callback = warn ?? (_ => { });
        var one = new Lock();
        this.warn = message =>
        {
            lock (one) callback(message);
        };
    }

    public string Directory { get; }

    /// <summary>The BM25 indexes kept in the same folder, reporting through the same warning callback.</summary>
    public Bm25IndexCache Bm25Indexes => new(Directory, warn);

    /// <summary>
    /// The cache for a golden set: <paramref name="environmentValue"/> (the value of <c>REGRESSIONGATE_CACHE</c>) when set,
    /// else <c>{golden}/../.regression-gate-cache</c>. A place taken by a file (or lying under one) is bad input, refused
    /// here, before the run writes anything; a directory that merely cannot be written is a warning later.
    /// </summary>
    /// <exception cref="InputFileException">The cache directory is a file, or lies under one.</exception>
    public static EmbeddingCache ForGolden(string goldenDirectory, string? environmentValue, Action<string>? warn = null)
    {
        var fromEnvironment = !string.IsNullOrWhiteSpace(environmentValue);
        var directory = Path.GetFullPath(fromEnvironment ? environmentValue! : Path.Combine(Path.GetFullPath(goldenDirectory), "..", DefaultFolderName));
        if (FileInTheWay(directory) is { } file)
        {
            var where = file == directory ? $"'{directory}' is a file" : $"'{directory}' lies under '{file}', which is a file";
            throw fromEnvironment
                ? new InputFileException(EnvironmentVariable, null, null, $"{where}; it must name a directory for the embedding cache")
                : new InputFileException(file, null, null,
                    $"a file stands where the embedding cache directory goes; remove it or set {EnvironmentVariable} to a directory");
        }
        return new EmbeddingCache(directory, warn);
    }

    /// <summary>The file standing at <paramref name="directory"/> or at one of its parents, if any.</summary>
    static string? FileInTheWay(string directory)
    {
        for (var path = directory; path is not null; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path)) return path;
            if (System.IO.Directory.Exists(path)) return null;
        }
        return null;
    }

    /// <summary>The file holding <paramref name="model"/>'s vectors at <paramref name="maxTokens"/>.</summary>
    public string FileFor(ModelIdentity model, int maxTokens) => FileFor(model.Sha256, maxTokens);

    /// <summary>The file holding the vectors of the model whose identity is <paramref name="modelSha256"/> (lowercase hex).</summary>
    public string FileFor(string modelSha256, int maxTokens) =>
        Path.Combine(Directory, $"{modelSha256}-{maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture)}{Extension}");

    /// <summary>
    /// The dimension count of <paramref name="model"/>'s vectors at <paramref name="maxTokens"/> as its cache file records
    /// them; null when there is no usable file. Lets a warm run defer loading the model until a text is not cached.
    /// </summary>
    public int? KnownDimensions(ModelIdentity model, int maxTokens) =>
        EmbeddingCacheFile.Dimensions(FileFor(model, maxTokens), Convert.FromHexString(model.Sha256), maxTokens);

    /// <summary>Wraps <paramref name="inner"/>: cached texts are served from disk, the rest embedded by it and remembered.</summary>
    public CachingEmbedder Wrap(ITextEmbedder inner, bool ownsInner = true)
    {
        var key = (inner.Model.Sha256, inner.MaxTokens);
        lock (stores)
        {
            if (!stores.TryGetValue(key, out var store))
                stores[key] = store = EmbeddingStore.Open(FileFor(inner.Model, inner.MaxTokens), inner.Model, inner.MaxTokens, inner.Dimensions, warn);
            if (store.Dimensions != inner.Dimensions)
                throw new InvalidOperationException($"the cache holds {store.Dimensions}-dimensional vectors for this model, the embedder makes {inner.Dimensions}");
            store.Acquire();
            return new CachingEmbedder(inner, store, ownsInner, warn, () => Release(key, store));
        }
    }

    /// <summary>The last embedder of a store is done: it has written its file, so the next one reads it afresh.</summary>
    void Release(ModelKey key, EmbeddingStore store)
    {
        lock (stores)
        {
            try
            {
                store.Release();
            }
            finally
            {
                // Finished even when writing failed (the file is unmapped then too): never handed out again.
                if (store.Finished && stores.TryGetValue(key, out var current) && current == store) stores.Remove(key);
            }
        }
    }
}
