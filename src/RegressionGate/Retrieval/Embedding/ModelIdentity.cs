using System.Security.Cryptography;
using System.Text;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// What makes two embedding models the same: the SHA-256 of each file (model first, then the tokenizer's), and one
/// <see cref="Sha256"/> over those, so equal bytes give equal identity whether bundled or in a directory.
/// </summary>
internal sealed record ModelIdentity
{
    public ModelIdentity(IReadOnlyList<KeyValuePair<string, string>> files)
    {
        if (files.Count == 0) throw new ArgumentException("a model has at least one file", nameof(files));
        Files = files;
        var manifest = new StringBuilder();
        foreach (var (name, sha) in files) manifest.Append(name).Append(' ').Append(sha).Append('\n');
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
    }

    /// <summary>Lowercase hex SHA-256 of the manifest "<c>name sha256\n</c>" over <see cref="Files"/> in order.</summary>
    public string Sha256 { get; }

    /// <summary>Each file's name and lowercase hex SHA-256, model first.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Files { get; }

    public bool Equals(ModelIdentity? other) => other is not null && Sha256 == other.Sha256;

    public override int GetHashCode() => Sha256.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Sha256;
}
