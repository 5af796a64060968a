using System.CommandLine;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate merge-embeddings PART…</c>: the shards' partial cache files joined into the embedding cache.</summary>
static class MergeEmbeddingsCommand
{
    const string PartPattern = "*.embeddings";

    public static Command Create(CliConsole console)
    {
        var parts = new Argument<string[]>("PART")
        {
            Description = "Partial cache files written by 'embed --shard I/N', or directories holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var golden = CommonOptions.Golden(console);
        var command = new Command("merge-embeddings",
            "Join the partial cache files of 'embed --shard I/N' into the embedding cache ($REGRESSIONGATE_CACHE, else " +
            ".regression-gate-cache beside the golden directory), each model's file written atomically and checksummed. " +
            "A damaged part is refused and nothing is written.\n\n" +
            "Exit codes: 0 joined, 2 bad input or usage.\n\n" +
            "Example:\n" +
            "  regression-gate merge-embeddings embeddings/* --golden golden")
        {
            parts, golden,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var goldenDirectory = Path.GetFullPath(parse.GetValue(golden)!);
            var files = parse.GetValue(parts)!.SelectMany(Files).ToList();
            var cache = EmbeddingCache.ForGolden(goldenDirectory, console.Environment.Get(EmbeddingCache.EnvironmentVariable), console.Warn);
            foreach (var joined in EmbeddingShards.Join(files, cache, console.Warn))
                await console.Out.WriteLineAsync($"{joined.File}: {joined.Entries} entries ({joined.Added} added from {files.Count} part(s))").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }

    static IEnumerable<(string Name, string Path)> Files(string given)
    {
        if (File.Exists(given)) return [(given, given)];
        if (!Directory.Exists(given)) throw new CliUsageException($"'{given}' does not exist");
        var found = Directory.GetFiles(given, PartPattern).Order(StringComparer.Ordinal).Select(f => (f, f)).ToList();
        return found.Count > 0 ? found : throw new CliUsageException($"'{given}' holds no {PartPattern} file: is it the --out of 'embed --shard I/N'?");
    }
}
