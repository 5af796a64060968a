using System.CommandLine;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Sharding;

namespace RegressionGate.Cli.Commands;

/// <summary>
/// <c>regression-gate embed --shard I/N --out DIR</c>: one runner's share of the corpus's cold embedding, written as a
/// partial cache file that <c>merge-embeddings</c> joins with the other shards'.
/// </summary>
static class EmbedCommand
{
    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var output = CommonOptions.Out("Where the partial cache file goes.", "artifacts/embeddings");
        var shard = ShardOption.Create();
        var command = new Command("embed",
            "Embed this shard's segments of the corpus (the same partition as questions, by segment id) with retriever.model, " +
            "through the embedding cache, and write them alone to a partial cache file in --out. Give the N parts to " +
            "'merge-embeddings' before 'run --shard', so N runners share the cold embedding.\n\n" +
            "Exit codes: 0 written, 2 bad input or usage.\n\n" +
            "Example:\n" +
            "  regression-gate embed --shard 2/4 --out embeddings/2")
        {
            golden, output, shard,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = CliGolden.Load(console, parse.GetValue(golden)!);
            var outDirectory = OutputDirectory.Check(parse.GetValue(output)!, input.Golden.Directory);
            var settings = input.Settings.Retriever;
            if (input.Retrievers.Find(settings.Kind) is not { EmbedsWithModel: true })
                throw new CliUsageException($"retriever.kind '{settings.Kind}' embeds no corpus, so there is nothing to embed");
            var slice = ShardOption.Parse(parse.GetValue(shard)) ?? new Shard(1, 1);
            var cache = EmbeddingCache.ForGolden(input.Golden.Directory, console.Environment.Get(EmbeddingCache.EnvironmentVariable), console.Warn);
            var result = EmbeddingShards.EmbedSlice(input.Golden, settings, slice, cache, outDirectory, null, cancellationToken);
            await console.Out.WriteLineAsync(
                $"shard {slice}: {result.Segments} of {input.Golden.Corpus.Count} segments ({result.Embedded} embedded, the rest from the cache) → {result.File}")
                .ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }
}
