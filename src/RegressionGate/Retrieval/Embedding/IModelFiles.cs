namespace RegressionGate.Retrieval.Embedding;

/// <summary>The files of one embedding model, wherever they live: a directory on disk or resources bundled in an assembly.</summary>
/// <remarks>Both kinds go through the same loading path, so a directory holding the bundled files is the same model.</remarks>
internal interface IModelFiles
{
    /// <summary>How errors and reports name the model: <c>bundled:…</c> or the directory's full path.</summary>
    string Location { get; }

    bool Contains(string fileName);

    /// <summary>Opens a file for reading; a missing file is an <see cref="EmbeddingModelException"/> naming it.</summary>
    Stream Open(string fileName);

    /// <summary>The whole file in an array of exactly its size.</summary>
    byte[] ReadAllBytes(string fileName);

    /// <summary>The file's SHA-256 in lowercase hex, computed once and remembered while the file is unchanged.</summary>
    string Sha256(string fileName);
}
