using RegressionGate.Llm;
using RegressionGate.Llm.Batches;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Gate;

public static partial class GateRunner
{
    /// <summary>
    /// The batch recorder of a <c>--batch</c> run, which only record and refresh can use; its pending batches are written
    /// down beside the embedding cache, per recordings folder.
    /// </summary>
    static BatchRecorder Batch(GateInput input, RecordingMode mode, EmbeddingCache cache, GateRunOptions options)
    {
        if (!mode.WritesRecordings())
            throw new LlmBatchException($"--batch records through the Batch API, so it needs --llm record or --llm refresh; this run's mode is {mode.Name()}");
        var progress = options.Progress is { } gate ? new BatchStageProgress(gate) : null;
        return new BatchRecorder(input.Settings.Llm.Batch, PendingBatches.For(cache.Directory, input.Golden.RecordingsDirectory), progress,
            options.Notice ?? (message => Console.Error.WriteLine(message)));
    }

    /// <summary>Batch progress as the run's: reported on the caller's thread, as the other stages are.</summary>
    sealed class BatchStageProgress(IProgress<GateProgress> gate) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => gate.Report(new GateProgress(GateStage.Batch, value.Done, value.Total));
    }
}
