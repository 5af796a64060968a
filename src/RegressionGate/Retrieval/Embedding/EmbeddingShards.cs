using System.Runtime.InteropServices;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Sharding;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// The corpus's cold embedding split over a CI matrix: each shard embeds the segments it owns (the same partition as
/// questions, by segment id) into a partial cache file, in the cache's own checksummed format; joining the parts into a
/// cache gives every runner the whole corpus without any of them embedding all of it.
/// </summary>
internal static class EmbeddingShards
{
    /// <summary>What one shard embedded.</summary>
    /// <param name="File">The partial cache file written.</param>
    /// <param name="Segments">How many segments it holds.</param>
    /// <param name="Embedded">How many of them the model embedded (the rest came from <c>cache</c>).</param>
    public sealed record SliceResult(string File, int Segments, int Embedded);

    /// <summary>What a join added.</summary>
    /// <param name="File">The cache file written.</param>
    /// <param name="Entries">Entries it holds now.</param>
    /// <param name="Added">Entries the parts brought that it did not hold.</param>
    public sealed record JoinResult(string File, int Entries, int Added);

    /// <summary>
    /// Embeds <paramref name="shard"/>'s segments with the model of <paramref name="settings"/>, through
    /// <paramref name="cache"/> (so a warm runner embeds nothing), and writes them alone to a partial cache file in
    /// <paramref name="directory"/>, named as the cache names that model's file.
    /// </summary>
    public static SliceResult EmbedSlice(GoldenSet golden, RetrieverSettings settings, Shard shard, EmbeddingCache cache, string directory,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var segments = shard.Slice(golden.Corpus, s => s.Id);
        var passages = segments.Select(s => settings.PassagePrefix + s.Text).ToList();
        using var caching = cache.Wrap(ConfiguredEmbedder.LoadWhenNeeded(golden.Directory, settings.Model, settings.MaxTokens, cache));
        var vectors = caching.Embed(passages, progress, cancellationToken);
        // Texts repeated in the corpus are one entry, as in the cache.
        var entries = new Dictionary<TextKey, float[]>();
        for (var i = 0; i < passages.Count; i++) entries.TryAdd(TextKey.Of(passages[i]), vectors[i]);
        var part = new EmbeddingCache(directory).FileFor(caching.Model, caching.MaxTokens);
        Directory.CreateDirectory(directory);
        Write(part, Convert.FromHexString(caching.Model.Sha256), caching.MaxTokens, caching.Dimensions, entries);
        return new SliceResult(part, segments.Count, caching.Embedded);
    }

    /// <summary>
    /// Adds every entry of the partial cache files <paramref name="parts"/> to <paramref name="cache"/>'s file for their
    /// model, written atomically. A damaged part is bad input (nothing is written); a damaged cache file is warned about
    /// through <paramref name="warn"/> and replaced.
    /// </summary>
    /// <param name="parts">Each part file with the name errors should use for it.</param>
    /// <exception cref="InputFileException">A part is not a valid cache file.</exception>
    public static IReadOnlyList<JoinResult> Join(IReadOnlyList<(string Name, string Path)> parts, EmbeddingCache cache, Action<string> warn)
    {
        var read = parts.Select(part =>
        {
            var (header, problem) = EmbeddingCacheFile.ReadHeader(part.Path);
            if (header is null) throw new InputFileException(part.Name, null, null, $"not a usable embedding cache part: {problem}");
            var (contents, invalid) = EmbeddingCacheFile.Read(part.Path, header.Model, header.MaxTokens, header.Dimensions);
            if (contents is null) throw new InputFileException(part.Name, null, null, $"not a usable embedding cache part: {invalid}");
            return (Header: header, Contents: contents);
        }).ToList();

        var results = new List<JoinResult>();
        foreach (var group in read.GroupBy(r => (Convert.ToHexStringLower(r.Header.Model), r.Header.MaxTokens, r.Header.Dimensions)))
        {
            var (model, maxTokens, dimensions) = group.Key;
            var target = cache.FileFor(model, maxTokens);
            var entries = new Dictionary<TextKey, float[]>();
            var modelBytes = Convert.FromHexString(model);
            if (File.Exists(target))
            {
                var (existing, problem) = EmbeddingCacheFile.Read(target, modelBytes, maxTokens, dimensions);
                if (existing is null) warn($"embedding cache {target} is ignored and rewritten: {problem}");
                else Add(entries, existing, dimensions);
            }
            var before = entries.Count;
            foreach (var (_, contents) in group) Add(entries, contents, dimensions);
            Directory.CreateDirectory(cache.Directory);
            Write(target, modelBytes, maxTokens, dimensions, entries);
            results.Add(new JoinResult(target, entries.Count, entries.Count - before));
        }
        return results;
    }

    static void Add(Dictionary<TextKey, float[]> entries, EmbeddingCacheFile.Contents contents, int dimensions)
    {
        for (var i = 0; i < contents.Keys.Length; i++)
            entries.TryAdd(contents.Keys[i], contents.Vectors.AsSpan(i * dimensions, dimensions).ToArray());
    }

    static void Write(string path, byte[] model, int maxTokens, int dimensions, Dictionary<TextKey, float[]> entries)
    {
        var keys = entries.Keys.ToList();
        EmbeddingCacheFile.Write(path, model, maxTokens, dimensions, keys, put =>
        {
            foreach (var key in keys) put(MemoryMarshal.AsBytes(entries[key].AsSpan()));
        });
    }
}
