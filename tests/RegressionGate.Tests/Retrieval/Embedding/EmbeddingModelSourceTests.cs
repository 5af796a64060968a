using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Embedding;

/// <summary>Resolving and identifying model directories, with small stand-in files (no ONNX session is created).</summary>
public sealed class EmbeddingModelSourceTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string ModelDirectoryWith(params string[] files)
    {
        var directory = Path.Combine(temp.Path, "model");
        Directory.CreateDirectory(directory);
        foreach (var file in files) File.WriteAllText(Path.Combine(directory, file), file == "vocab.txt" ? "[PAD]\n[UNK]\n[CLS]\n[SEP]\na\n" : "onnx bytes");
        return directory;
    }

    [Fact]
    public void A_directory_without_model_onnx_is_named_with_the_missing_file()
    {
        var directory = ModelDirectoryWith("vocab.txt");
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.FromDirectory(directory));
        Assert.Contains($"'{directory}'", error.Message);
        Assert.Contains(Path.Combine(directory, "model.onnx"), error.Message);
    }

    [Fact]
    public void A_directory_without_a_tokenizer_says_which_files_would_do()
    {
        var directory = ModelDirectoryWith("model.onnx");
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.FromDirectory(directory));
        Assert.Contains(directory, error.Message);
        Assert.Contains("vocab.txt (BERT WordPiece)", error.Message);
    }

    [Fact]
    public void A_directory_that_does_not_exist_is_named()
    {
        var missing = Path.Combine(temp.Path, "no-such-model");
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.FromDirectory(missing));
        Assert.Contains($"'{missing}' does not exist", error.Message);
    }

    [Fact]
    public void A_relative_model_setting_is_taken_from_the_base_directory()
    {
        ModelDirectoryWith("model.onnx", "vocab.txt");
        var source = EmbeddingModelSource.Resolve("model", temp.Path);
        Assert.Equal(Path.Combine(temp.Path, "model"), source.Files.Location);
        Assert.IsType<WordPieceFormat>(source.TokenizerFormat);
    }

    [Fact]
    public void The_bundled_setting_names_the_bundled_model_and_nothing_else()
    {
        Assert.Same(EmbeddingModelSource.Bundled, EmbeddingModelSource.Resolve("bundled:all-MiniLM-L6-v2", temp.Path));
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.Resolve("bundled:e5-large", temp.Path));
        Assert.Contains("bundled:all-MiniLM-L6-v2", error.Message);
    }

    [Fact]
    public void Identity_hashes_the_model_then_the_tokenizer_files()
    {
        var directory = ModelDirectoryWith("model.onnx", "vocab.txt");
        var identity = EmbeddingModelSource.FromDirectory(directory).Identity;
        // sha256 of the ASCII text "onnx bytes", and of the five-line vocabulary above
        Assert.Equal(["model.onnx", "vocab.txt"], identity.Files.Select(f => f.Key));
        Assert.Equal(Sha256("onnx bytes"), identity.Files[0].Value);
        Assert.Equal(Sha256("[PAD]\n[UNK]\n[CLS]\n[SEP]\na\n"), identity.Files[1].Value);
        Assert.Equal(Sha256($"model.onnx {identity.Files[0].Value}\nvocab.txt {identity.Files[1].Value}\n"), identity.Sha256);
    }

    [Fact]
    public void Changing_the_vocabulary_changes_the_identity()
    {
        var directory = ModelDirectoryWith("model.onnx", "vocab.txt");
        var before = EmbeddingModelSource.FromDirectory(directory).Identity;
        File.AppendAllText(Path.Combine(directory, "vocab.txt"), "b\n");
        Assert.NotEqual(before, EmbeddingModelSource.FromDirectory(directory).Identity);
    }

    [Fact]
    public void File_hashes_are_remembered_by_path_size_and_modification_time()
    {
        var directory = ModelDirectoryWith("model.onnx", "vocab.txt");
        var model = Path.Combine(directory, "model.onnx");
        var modified = File.GetLastWriteTimeUtc(model);
        var first = EmbeddingModelSource.FromDirectory(directory).Identity;

        // Same size, same time, other bytes: the remembered hash is used, proving the file was not read again.
        File.WriteAllText(model, "ONNX BYTES");
        File.SetLastWriteTimeUtc(model, modified);
        Assert.Equal(first, EmbeddingModelSource.FromDirectory(directory).Identity);

        // A new modification time makes it hash the file afresh.
        File.SetLastWriteTimeUtc(model, modified.AddSeconds(1));
        Assert.Equal(Sha256("ONNX BYTES"), EmbeddingModelSource.FromDirectory(directory).Identity.Files[0].Value);
    }

    [Fact]
    public void A_vocabulary_without_bert_special_tokens_is_rejected_with_its_path()
    {
        var directory = ModelDirectoryWith("model.onnx");
        File.WriteAllText(Path.Combine(directory, "vocab.txt"), "[PAD]\n[UNK]\nhello\n");
        var error = Assert.Throws<EmbeddingModelException>(() => EmbeddingModelSource.FromDirectory(directory).LoadTokenizer());
        Assert.Contains(Path.Combine(directory, "vocab.txt"), error.Message);
        Assert.Contains("[CLS]", error.Message);
    }

    [Fact]
    public void A_model_file_onnx_runtime_cannot_read_is_an_embedding_model_error()
    {
        var directory = ModelDirectoryWith("model.onnx", "vocab.txt");
        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbedder.Load(EmbeddingModelSource.FromDirectory(directory), 512));
        Assert.Contains(directory, error.Message);
        Assert.Contains("model.onnx", error.Message);
    }

    static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
