using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>The bundled model's two files written to a temp directory: the directory path must load as the very same model.</summary>
public sealed class ExtractedBundledModel : IDisposable
{
    readonly TempDirectory directory = new();

    public ExtractedBundledModel()
    {
        foreach (var name in new[] { "model.onnx", "vocab.txt" })
        {
            using var source = BundledModelFiles.Instance.Open(name);
            using var target = File.Create(directory.Combine(name));
            source.CopyTo(target);
        }
    }

    public string Path => directory.Path;

    public void Dispose() => directory.Dispose();
}

[Collection(BundledModelCollection.Name)]
public class ModelDirectoryTests(BundledModelFixture bundled, ExtractedBundledModel extracted) : IClassFixture<ExtractedBundledModel>
{
    [Fact]
    public void A_directory_holding_the_bundled_files_has_the_bundled_identity()
    {
        var directory = EmbeddingModelSource.FromDirectory(extracted.Path);
        Assert.Equal(EmbeddingModelSource.Bundled.Identity, directory.Identity);
        Assert.Equal(EmbeddingModelSource.Bundled.Identity.Files, directory.Identity.Files);
    }

    [Fact]
    public void A_directory_holding_the_bundled_files_gives_identical_vectors()
    {
        using var fromDirectory = OnnxEmbedder.Load(EmbeddingModelSource.FromDirectory(extracted.Path), maxTokens: 512);
        string[] texts = ["passage: iteração sobre os dados de treino", "query: o que é uma época?"];
        var expected = bundled.Embedder.Embed(texts);
        var actual = fromDirectory.Embed(texts);
        for (var i = 0; i < texts.Length; i++) Assert.Equal(expected[i], actual[i]);
        Assert.Equal(bundled.Embedder.Model, fromDirectory.Model);
    }

    [Fact]
    public void The_bundled_identity_is_pinned_so_a_package_upgrade_shows_up()
    {
        // Hand-checked with sha256sum on the extracted resources, then on the manifest "model.onnx <sha>\nvocab.txt <sha>\n".
        var identity = EmbeddingModelSource.Bundled.Identity;
        Assert.Equal([
            new("model.onnx", "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2"),
            new("vocab.txt", "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f"),
        ], identity.Files);
        Assert.Equal("34ab17963f6a8b991253b1f2316c63f745046745eb300ae2397a15d48eccebcc", identity.Sha256);
    }
}
