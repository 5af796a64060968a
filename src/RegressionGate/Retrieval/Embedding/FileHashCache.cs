using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>SHA-256 of files, hashed once per process and reused while a file keeps its path, size and modification time.</summary>
/// <remarks>Model files run to hundreds of megabytes and every retriever, cache and snapshot asks for their hash.</remarks>
internal static class FileHashCache
{
    readonly record struct Key(string Path, long Length, DateTime LastWriteUtc);

    static readonly ConcurrentDictionary<Key, Lazy<string>> Hashes = new();

    public static string Sha256(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        if (!info.Exists) throw new FileNotFoundException($"cannot hash '{info.FullName}': no such file", info.FullName);
        var key = new Key(info.FullName, info.Length, info.LastWriteTimeUtc);
        return Hashes.GetOrAdd(key, k => new Lazy<string>(() => Hash(k.Path))).Value;
    }

    /// <summary>How many distinct file versions have been hashed: lets tests see a cache hit without timing it.</summary>
    internal static int Count => Hashes.Count;

    static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
