using RegressionGate.Gate;
using Spectre.Console;

namespace RegressionGate.Cli;

/// <summary>
/// Progress bars for the long stages (embedding, judging) when a person is watching; nothing at all when output is
/// redirected or <c>CI</c> is set, so logs stay clean.
/// </summary>
static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliConsole console, Func<IProgress<GateProgress>?, Task<T>> work)
    {
        if (!console.Interactive) return await work(null).ConfigureAwait(false);

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<GateStage, ProgressTask>();
                var progress = new SynchronousProgress(update =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(update.Stage, out var task))
                            tasks[update.Stage] = task = context.AddTask(Describe(update.Stage), maxValue: Math.Max(1, update.Total));
                        task.Value = update.Done;
                    }
                });
                return await work(progress).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    static string Describe(GateStage stage) => stage switch
    {
        GateStage.EmbeddingCorpus => "embedding corpus",
        GateStage.Retrieving => "retrieving",
        GateStage.Answering => "answering questions",
        GateStage.Judging => "judging answers",
        GateStage.Batch => "waiting for the batch",
        _ => stage.ToString(),
    };

    /// <summary>Reports on the caller's thread: Progress&lt;T&gt; would post to a thread pool and could report after the bars are gone.</summary>
    sealed class SynchronousProgress(Action<GateProgress> report) : IProgress<GateProgress>
    {
        public void Report(GateProgress value) => report(value);
    }
}
