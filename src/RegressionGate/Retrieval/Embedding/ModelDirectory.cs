namespace RegressionGate.Retrieval.Embedding;

/// <summary>A model directory on disk, e.g. an ONNX export holding <c>model.onnx</c> and <c>vocab.txt</c>.</summary>
internal sealed class ModelDirectory : IModelFiles
{
    public ModelDirectory(string directory)
    {
        Location = Path.GetFullPath(directory);
        if (!Directory.Exists(Location)) throw new EmbeddingModelException($"model directory '{Location}' does not exist");
    }

    public string Location { get; }

    public bool Contains(string fileName) => File.Exists(PathOf(fileName));

    public Stream Open(string fileName) => new FileStream(Require(fileName), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    public byte[] ReadAllBytes(string fileName) => File.ReadAllBytes(Require(fileName));

    public string Sha256(string fileName) => FileHashCache.Sha256(Require(fileName));

    string PathOf(string fileName) => Path.Combine(Location, fileName);

    string Require(string fileName)
    {
        var path = PathOf(fileName);
        return File.Exists(path)
            ? path
            : throw new EmbeddingModelException($"model directory '{Location}' lacks {fileName} (expected '{path}')");
    }

    public override string ToString() => Location;
}
