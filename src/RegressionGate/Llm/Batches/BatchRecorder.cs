using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace RegressionGate.Llm.Batches;

/// <summary>
/// Records a run's model calls through the Batch API instead of one by one. The run is made in passes: each pass asks
/// for everything it needs through a <see cref="BatchCollector"/>, which answers what is recorded or has come back and
/// notes the rest; the requests noted go out as one JSON Lines file per batch (custom_id = the recording key), and once
/// the batch is done its results come back as recordings in the next pass. Requests built from others' answers (a
/// judgment of a generated answer) go in a later batch than those. The first pass that notes nothing is the run.
/// </summary>
/// <remarks>
/// Submitted batches are written down (<see cref="PendingBatches"/>) as soon as they exist, so a run interrupted while it
/// waits is resumed by the same command rather than submitted again. Polling starts at <c>llm.batch.pollSeconds</c> and
/// doubles while nothing moves, up to <c>llm.batch.maxPollSeconds</c>.
/// </remarks>
internal sealed class BatchRecorder : IDisposable
{
    /// <summary>Passes after which requests still waiting on others' answers mean something keeps building on stand-ins.</summary>
    public const int MaxRounds = 8;

    /// <summary>Azure OpenAI's limit of requests in one batch file.</summary>
    public const int MaxRequestsPerFile = 100_000;

    /// <summary>Below Azure OpenAI's 200 MB limit of a batch file.</summary>
    public const long MaxFileBytes = 190L * 1024 * 1024;

    readonly BatchSettings settings;
    readonly PendingBatches pending;
    readonly IProgress<BatchProgress>? progress;
    readonly Action<string> note;
    Attached? attached;

    /// <param name="pending">Where this golden set's pending batches are written down.</param>
    /// <param name="note">Told, in one line each, what is submitted, resumed and collected.</param>
    public BatchRecorder(BatchSettings settings, PendingBatches pending, IProgress<BatchProgress>? progress, Action<string> note)
    {
        this.settings = settings;
        this.pending = pending;
        this.progress = progress;
        this.note = note;
    }

    /// <summary>Requests per file at most; tests lower it to see a round split into several batches.</summary>
    internal int RequestsPerFile { get; init; } = MaxRequestsPerFile;

    sealed record Attached(BatchCollector Collector, RecordingChatClient Recording, LlmConnection Connection, BatchApiClient Api, SdkRoundTrip Sdk);

    /// <summary>Puts the collector in front of <paramref name="recording"/>, which records from <paramref name="connection"/>: what the run's judges talk to.</summary>
    public IChatClient Attach(RecordingChatClient recording, LlmConnection connection, LlmClientOptions clientOptions)
    {
        if (attached is not null) throw new InvalidOperationException("a batch recorder serves one recording client");
        var sdk = new SdkRoundTrip(connection);
        attached = new Attached(new BatchCollector(recording, sdk), recording, connection, new BatchApiClient(connection, clientOptions), sdk);
        return attached.Collector;
    }

    /// <summary>
    /// Makes passes of <paramref name="pass"/> until one asks for nothing new, submitting and collecting a batch between
    /// them, and returns that last pass's result. Without a model attached (nothing in the run calls one), one pass.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> pass, CancellationToken cancellationToken)
    {
        if (attached is not { } a) return await pass(cancellationToken).ConfigureAwait(false);
        if (pending.Read() is { } resumed)
        {
            Check(resumed, a);
            note($"resuming {Describe(resumed)} that a run before this one submitted");
            await CollectAsync(resumed, a, cancellationToken).ConfigureAwait(false);
        }
        for (var round = 1; ; round++)
        {
            var result = await pass(cancellationToken).ConfigureAwait(false);
            var requests = a.Collector.TakePending();
            if (requests.Count == 0)
            {
                pending.Delete();
                return result;
            }
            if (round > MaxRounds)
                throw new LlmBatchException($"after {MaxRounds} batches, {requests.Count} request(s) still wait for the answers of others; nothing more was submitted");
            var state = await SubmitAsync(requests, a, cancellationToken).ConfigureAwait(false);
            await CollectAsync(state, a, cancellationToken).ConfigureAwait(false);
        }
    }

    void Check(PendingBatches.State state, Attached a)
    {
        if (state.Endpoint == a.Connection.DisplayEndpoint && state.Model == a.Connection.Model) return;
        throw new LlmBatchException(
            $"{Describe(state)} pending for these recordings went to {state.Endpoint} (model or deployment '{state.Model}'), not to {a.Connection}: " +
            $"run with that configuration to collect it, or delete '{pending.Path}' to leave it");
    }

    async Task<PendingBatches.State> SubmitAsync(IReadOnlyList<BatchCollector.PendingRequest> requests, Attached a, CancellationToken cancellationToken)
    {
        var state = new PendingBatches.State(a.Recording.Store.Directory, a.Connection.DisplayEndpoint, a.Connection.Model, []);
        var files = await FilesAsync(requests, a, cancellationToken).ConfigureAwait(false);
        for (var n = 0; n < files.Count; n++)
        {
            var (bytes, keys) = files[n];
            var name = string.Create(CultureInfo.InvariantCulture, $"regression-gate-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{n + 1}.jsonl");
            var file = await a.Api.UploadAsync(bytes, name, cancellationToken).ConfigureAwait(false);
            await ProcessedAsync(file, a, cancellationToken).ConfigureAwait(false);
            var job = await a.Api.CreateAsync(file.Id, cancellationToken).ConfigureAwait(false);
            state = state with { Batches = [.. state.Batches, new PendingBatches.Entry(job.Id, file.Id, DateTimeOffset.UtcNow, keys)] };
            pending.Write(state);
            note($"submitted batch {job.Id}: {Count(keys.Count)} to {a.Connection}; waiting for it (if this run is stopped, the batch " +
                 "runs on and the same command collects it)");
        }
        return state;
    }

    /// <summary>The JSON Lines files of <paramref name="requests"/>, each within the Batch API's limits, with the keys each holds.</summary>
    async Task<List<(byte[] Bytes, IReadOnlyList<string> Keys)>> FilesAsync(IReadOnlyList<BatchCollector.PendingRequest> requests, Attached a,
        CancellationToken cancellationToken)
    {
        var files = new List<(byte[], IReadOnlyList<string>)>();
        using var buffer = new MemoryStream();
        var keys = new List<string>();
        void Close()
        {
            if (keys.Count == 0) return;
            files.Add((buffer.ToArray(), keys.ToList()));
            buffer.SetLength(0);
            keys.Clear();
        }
        foreach (var request in requests)
        {
            var line = new JsonObject
            {
                ["custom_id"] = request.Request.Key,
                ["method"] = "POST",
                ["url"] = a.Api.ChatCompletionsUrl,
                ["body"] = await a.Sdk.BodyAsync(request.Messages, request.Options, cancellationToken).ConfigureAwait(false),
            };
            var bytes = Encoding.UTF8.GetBytes(line.ToJsonString(RecordingJson.Compact) + "\n");
            if (keys.Count > 0 && (keys.Count >= RequestsPerFile || buffer.Length + bytes.Length > MaxFileBytes)) Close();
            buffer.Write(bytes);
            keys.Add(request.Request.Key);
        }
        Close();
        return files;
    }

    /// <summary>Waits until the service has processed an uploaded file, which a batch needs.</summary>
    async Task ProcessedAsync(BatchFile file, Attached a, CancellationToken cancellationToken)
    {
        var wait = new PollWait(settings);
        while (!file.Processed)
        {
            if (file.Unusable)
                throw new LlmBatchException($"{a.Connection} did not accept the batch file {file.Id} (status {file.Status}" +
                    $"{(file.StatusDetails is { Length: > 0 } d ? ": " + ServiceError.Shorten(d) : "")}); nothing was submitted");
            await wait.NextAsync(file.Status, cancellationToken).ConfigureAwait(false);
            file = await a.Api.GetFileAsync(file.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Polls the batches until each is over, then gives the collector every request's outcome: its answer, the error its
    /// line in the error file gives, or, for a request a cancelled or expired batch never reached, that. A batch that
    /// failed validation stops the run.
    /// </summary>
    async Task CollectAsync(PendingBatches.State state, Attached a, CancellationToken cancellationToken)
    {
        var jobs = new Dictionary<string, BatchJob>(StringComparer.Ordinal);
        var wait = new PollWait(settings);
        while (true)
        {
            foreach (var entry in state.Batches.Where(b => !jobs.TryGetValue(b.Id, out var job) || !job.Status.IsFinal()))
                jobs[entry.Id] = await a.Api.GetAsync(entry.Id, cancellationToken).ConfigureAwait(false);
            var total = state.Batches.Sum(b => Math.Max(b.Keys.Count, jobs[b.Id].Total));
            var done = jobs.Values.Sum(j => j.Done);
            var slowest = jobs.Values.Select(j => j.Status).Min();
            progress?.Report(new BatchProgress(done, total, slowest));
            if (jobs.Values.All(j => j.Status.IsFinal())) break;
            await wait.NextAsync(string.Join(",", jobs.Values.Select(j => $"{j.Status.Name()} {j.Done}")), cancellationToken).ConfigureAwait(false);
        }

        if (jobs.Values.FirstOrDefault(j => j.Status == BatchStatus.Failed) is { } failed)
        {
            pending.Write(state with { Batches = state.Batches.Where(b => b.Id != failed.Id).ToList() });
            var errors = failed.Errors.Count == 0 ? "the service gave no reason" : string.Join("; ", failed.Errors.Take(5)) +
                (failed.Errors.Count > 5 ? $"; and {failed.Errors.Count - 5} more" : "");
            throw new LlmBatchException($"batch {failed.Id} failed validation at {a.Connection}, so none of its requests was answered: {errors}");
        }

        foreach (var entry in state.Batches)
        {
            var job = jobs[entry.Id];
            var answered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fileId in new[] { job.OutputFileId, job.ErrorFileId }.OfType<string>())
            {
                await foreach (var line in a.Api.ReadLinesAsync(fileId, cancellationToken).ConfigureAwait(false))
                {
                    if (BatchResult.ParseLine(line, job.Id) is not var (key, result)) continue;
                    a.Collector.Add(key, result);
                    answered.Add(key);
                }
            }
            var missed = entry.Keys.Where(k => !answered.Contains(k)).ToList();
            foreach (var key in missed)
                a.Collector.Add(key, new BatchResult(job.Id, null, $"the batch {job.Id} ended {job.Status.Name()} before it answered this request"));
            note($"batch {job.Id} {job.Status.Name()}: {Count(answered.Count)} came back{(missed.Count > 0 ? $", {Count(missed.Count)} did not" : "")}");
        }
    }

    static string Describe(PendingBatches.State state) =>
        state.Batches.Count == 1 ? $"batch {state.Batches[0].Id}" : $"batches {string.Join(", ", state.Batches.Select(b => b.Id))}";

    static string Count(int requests) => requests.ToString("N0", CultureInfo.InvariantCulture) + (requests == 1 ? " request" : " requests");

    public void Dispose() => attached?.Sdk.Dispose();

    /// <summary>The wait between polls: <c>pollSeconds</c>, doubling while what is polled stays the same, up to <c>maxPollSeconds</c>.</summary>
    sealed class PollWait(BatchSettings settings)
    {
        TimeSpan next = TimeSpan.FromSeconds(settings.PollSeconds);
        string? last;

        public Task NextAsync(string? seen, CancellationToken cancellationToken)
        {
            if (last is not null && seen == last) next = TimeSpan.FromTicks(Math.Min(next.Ticks * 2, TimeSpan.FromSeconds(settings.MaxPollSeconds).Ticks));
            else next = TimeSpan.FromSeconds(settings.PollSeconds);
            last = seen;
            return Task.Delay(next, cancellationToken);
        }
    }
}
