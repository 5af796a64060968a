using System.CommandLine;
using RegressionGate.Cli.Commands;
using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Gate.Shards;
using RegressionGate.Llm;
using RegressionGate.Snapshots;

namespace RegressionGate.Cli;

/// <summary>The <c>regression-gate</c> command line: parses, dispatches, and turns known failures into exit codes.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(
            "RegressionGate: a regression gate for retrieval-augmented question answering. Each golden question's " +
            "retrieval top-k and answer-relevance judgment are snapshotted; the gate fails when they regress beyond " +
            "the tolerances in gate.json.\n\n" +
            "Exit codes: 0 passed, 1 gate failed, 2 bad input or usage.\n\n" +
            "Examples:\n" +
            "  regression-gate run --golden golden\n" +
            "  regression-gate approve --golden golden --dry-run\n" +
            "  regression-gate compare --golden golden --set retriever.kind=bm25\n" +
            "  regression-gate ask \"Qual é o objetivo da camada de pooling?\"")
        {
            RunCommand.Create(console),
            MergeCommand.Create(console),
            EmbedCommand.Create(console),
            MergeEmbeddingsCommand.Create(console),
            ApproveCommand.Create(console),
            CompareCommand.Create(console),
            AskCommand.Create(console),
            ImportCommand.Create(console),
            ExportCommand.Create(console),
            InitCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Run '{ToolCommand.Current.With("--help")}' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InputFileException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is LlmConfigurationException or AutoApprovalRefusedException or CliUsageException or ShardPartsException)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (LlmBatchException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("interrupted: finished recordings are kept; no snapshot was written").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }
}
