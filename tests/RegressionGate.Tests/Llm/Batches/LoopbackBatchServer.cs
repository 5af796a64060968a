using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RegressionGate.Tests.Llm.Batches;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that speaks Azure OpenAI's Files and Batches APIs on their classic paths
/// (<c>/openai/files</c>, <c>/openai/batches</c>, <c>?api-version=…</c>, <c>api-key</c> header) and OpenAI's
/// (<c>/v1/files</c>, <c>/v1/batches</c>, bearer token): multipart upload with purpose <c>batch</c>, file status, batch
/// creation, status, cancellation and file content. A batch moves one step per status request (validating → in
/// progress → finalizing → completed); its lines are checked as the service checks them (custom ids unique, POST, the
/// batch's endpoint, the deployment as model) and answered by the test's handler; output and error files list results
/// in an order of their own. The test can keep a new file pending, hold a batch in progress, cancel or expire it.
/// </summary>
public sealed class LoopbackBatchServer : IAsyncDisposable
{
    public const string Key = TestEnvironments.ApiKey;
    public const string ApiVersion = RegressionGate.Llm.Batches.BatchApiClient.AzureApiVersion;

    readonly WebApplication app;
    readonly Func<BatchLine, LineReply> answer;
    readonly ConcurrentQueue<ObservedRequest> requests = new();
    readonly ConcurrentDictionary<string, StoredFile> files = new();
    readonly ConcurrentDictionary<string, ServerBatch> batches = new();
    readonly Lock gate = new();
    int count;
    int ids;

    LoopbackBatchServer(Func<BatchLine, LineReply> answer)
    {
        this.answer = answer;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        app = builder.Build();
        app.Run(HandleAsync);
    }

    public static async Task<LoopbackBatchServer> StartAsync(Func<BatchLine, LineReply> answer)
    {
        var server = new LoopbackBatchServer(answer);
        await server.app.StartAsync();
        return server;
    }

    /// <summary>E.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new(app.Urls.Single().TrimEnd('/') + "/");

    /// <summary>Every request, in arrival order (bodies of uploads are left out).</summary>
    public IReadOnlyList<ObservedRequest> Requests => requests.OrderBy(r => r.Number).ToList();

    /// <summary>Status requests a new file answers with <c>pending</c> before <c>processed</c>.</summary>
    public int PendingFilePolls { get; set; }

    /// <summary>When set, an uploaded file ends in status <c>error</c> with these details.</summary>
    public string? FileError { get; set; }

    /// <summary>While true, a batch in progress stays there; <see cref="HeldPoll"/> completes at the first status request it holds.</summary>
    public bool Hold { get; set; }

    /// <summary>The model (deployment) every line's body must name, as a batch deployment checks.</summary>
    public string ExpectedModel { get; set; } = TestEnvironments.Deployment;

    /// <summary>Completes when a batch is first asked for while held.</summary>
    public TaskCompletionSource HeldPoll { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ServerBatch> Batches => batches.Values.OrderBy(b => b.Number).ToList();

    /// <summary>The lines of every uploaded batch file, in upload order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> UploadedFiles =>
        files.Values.Where(f => f.Purpose == "batch").OrderBy(f => f.Number).Select(f => (IReadOnlyList<string>)Lines(f.Content)).ToList();

    /// <summary>Cancels a batch as a person would in the portal: the first <paramref name="answered"/> lines will have been answered.</summary>
    public void Cancel(string batchId, int answered)
    {
        lock (gate)
        {
            var batch = batches[batchId];
            batch.Status = "cancelling";
            batch.AnsweredBeforeStop = answered;
        }
    }

    /// <summary>Makes a batch expire at its next status request, with the first <paramref name="answered"/> lines answered.</summary>
    public void Expire(string batchId, int answered)
    {
        lock (gate)
        {
            var batch = batches[batchId];
            batch.ExpireNext = true;
            batch.AnsweredBeforeStop = answered;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        await app.StopAsync(now.Token);
        await app.DisposeAsync();
    }

    /// <summary>A batch as the server keeps it.</summary>
    public sealed class ServerBatch(int number, string id, string inputFileId, string endpoint)
    {
        public int Number { get; } = number;
        public string Id { get; } = id;
        public string InputFileId { get; } = inputFileId;
        public string Endpoint { get; } = endpoint;
        public string Status { get; internal set; } = "validating";
        public int StatusRequests { get; internal set; }
        internal int Total { get; set; }
        internal int Completed { get; set; }
        internal int Failed { get; set; }
        internal List<JsonObject> Errors { get; } = [];
        internal string? OutputFileId { get; set; }
        internal string? ErrorFileId { get; set; }
        internal int? AnsweredBeforeStop { get; set; }
        internal bool ExpireNext { get; set; }
    }

    sealed record StoredFile(int Number, string Id, string Purpose, string FileName, byte[] Content)
    {
        public int StatusRequests { get; set; }
    }

    async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref count);
        var path = context.Request.Path.Value ?? "";
        var isForm = context.Request.HasFormContentType;
        var body = isForm ? "" : await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        requests.Enqueue(new ObservedRequest(number, context.Request.Method, path, context.Request.Query["api-version"].ToString(),
            context.Request.Headers["api-key"].ToString(), context.Request.Headers.Authorization.ToString(), body, context.RequestAborted));

        string rest;
        if (path.StartsWith("/openai/", StringComparison.Ordinal))
        {
            if (context.Request.Headers["api-key"] != Key) { await Error(context, 401, "401", "Access denied due to invalid subscription key or wrong API endpoint."); return; }
            if (context.Request.Query["api-version"] != ApiVersion) { await Error(context, 404, "404", "Resource not found"); return; }
            rest = path["/openai/".Length..];
        }
        else if (path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            if (context.Request.Headers.Authorization != $"Bearer {Key}") { await Error(context, 401, "invalid_api_key", "Incorrect API key provided."); return; }
            rest = path["/v1/".Length..];
        }
        else
        {
            await Error(context, 404, "404", "Resource not found");
            return;
        }

        var parts = rest.Split('/');
        switch (context.Request.Method, parts)
        {
            case ("POST", ["files"]):
                await UploadAsync(context);
                break;
            case ("GET", ["files", var id]):
                await FileStatusAsync(context, id);
                break;
            case ("GET", ["files", var id, "content"]):
                await ContentAsync(context, id);
                break;
            case ("POST", ["batches"]):
                await CreateAsync(context, body, path.StartsWith("/openai/", StringComparison.Ordinal) ? "/chat/completions" : "/v1/chat/completions");
                break;
            case ("GET", ["batches", var id]):
                await BatchStatusAsync(context, id);
                break;
            case ("POST", ["batches", var id, "cancel"]):
                if (!batches.ContainsKey(id)) { await Error(context, 404, "404", "batch not found"); break; }
                Cancel(id, 0);
                await Json(context, Describe(batches[id]));
                break;
            default:
                await Error(context, 404, "404", "Resource not found");
                break;
        }
    }

    async Task UploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var purpose = form["purpose"].ToString();
        var file = form.Files["file"];
        if (purpose != "batch" || file is null) { await Error(context, 400, "invalid_request", $"purpose must be 'batch' and a file given (purpose '{purpose}')"); return; }
        using var content = new MemoryStream();
        await file.CopyToAsync(content, context.RequestAborted);
        var stored = new StoredFile(Interlocked.Increment(ref ids), $"file-{Guid.NewGuid():N}", purpose, file.FileName, content.ToArray());
        files[stored.Id] = stored;
        await Json(context, DescribeFile(stored));
    }

    async Task FileStatusAsync(HttpContext context, string id)
    {
        if (!files.TryGetValue(id, out var file)) { await Error(context, 404, "404", "File not found"); return; }
        lock (gate) file.StatusRequests++;
        await Json(context, DescribeFile(file));
    }

    JsonObject DescribeFile(StoredFile file) => new()
    {
        ["id"] = file.Id,
        ["object"] = "file",
        ["bytes"] = file.Content.Length,
        ["created_at"] = 1_726_000_000,
        ["filename"] = file.FileName,
        ["purpose"] = file.Purpose,
        ["status"] = FileError is not null && file.Purpose == "batch" ? "error" : file.Purpose != "batch" || file.StatusRequests > PendingFilePolls ? "processed" : "pending",
        ["status_details"] = file.Purpose == "batch" ? FileError : null,
    };

    async Task ContentAsync(HttpContext context, string id)
    {
        if (!files.TryGetValue(id, out var file)) { await Error(context, 404, "404", "File not found"); return; }
        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    async Task CreateAsync(HttpContext context, string body, string chatPath)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var inputFileId = (string?)request["input_file_id"];
        if (inputFileId is null || !files.TryGetValue(inputFileId, out var file)) { await Error(context, 400, "invalid_request", "input_file_id does not name a file"); return; }
        if (file.Purpose != "batch" || FileError is not null || file.StatusRequests <= PendingFilePolls)
        {
            await Error(context, 400, "invalid_request", $"The input file {inputFileId} is not processed yet");
            return;
        }
        if ((string?)request["completion_window"] != "24h") { await Error(context, 400, "invalid_request", "completion_window must be 24h"); return; }
        if ((string?)request["endpoint"] != chatPath) { await Error(context, 400, "invalid_request", $"endpoint must be {chatPath}"); return; }
        ServerBatch batch;
        lock (gate)
        {
            var number = batches.Count + 1;
            batch = new ServerBatch(number, $"batch_{number:D3}_{Guid.NewGuid():N}", inputFileId, chatPath);
            batches[batch.Id] = batch;
        }
        await Json(context, Describe(batch));
    }

    async Task BatchStatusAsync(HttpContext context, string id)
    {
        if (!batches.TryGetValue(id, out var batch)) { await Error(context, 404, "404", "batch not found"); return; }
        var held = false;
        lock (gate)
        {
            batch.StatusRequests++;
            Advance(batch, out held);
        }
        if (held) HeldPoll.TrySetResult();
        await Json(context, Describe(batch));
    }

    /// <summary>One step of a batch's life, taken when the batch is asked for.</summary>
    void Advance(ServerBatch batch, out bool held)
    {
        held = false;
        var lines = Lines(files[batch.InputFileId].Content);
        if (batch.ExpireNext && batch.Status is "validating" or "in_progress")
        {
            Finish(batch, lines, "expired");
            return;
        }
        switch (batch.Status)
        {
            case "validating":
                batch.Total = lines.Count;
                Validate(batch, lines);
                batch.Status = batch.Errors.Count > 0 ? "failed" : "in_progress";
                break;
            case "in_progress" when Hold:
                held = true;
                break;
            case "in_progress":
                batch.Status = "finalizing";
                break;
            case "finalizing":
                Finish(batch, lines, "completed");
                break;
            case "cancelling":
                Finish(batch, lines, "cancelled");
                break;
        }
    }

    void Validate(ServerBatch batch, IReadOnlyList<string> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            void Fail(string message) => batch.Errors.Add(new JsonObject { ["code"] = "invalid_request", ["message"] = message, ["param"] = null, ["line"] = i + 1 });
            JsonObject? line;
            try { line = JsonNode.Parse(lines[i]) as JsonObject; }
            catch (JsonException) { line = null; }
            if (line is null) { Fail("The line is not valid JSON."); continue; }
            var customId = (string?)line["custom_id"];
            if (string.IsNullOrEmpty(customId) || !seen.Add(customId)) Fail($"custom_id '{customId}' is missing or not unique.");
            if ((string?)line["method"] != "POST") Fail("method must be POST.");
            if ((string?)line["url"] != batch.Endpoint) Fail($"url must be {batch.Endpoint}, the batch's endpoint.");
            if ((string?)line["body"]?["model"] != ExpectedModel) Fail($"The model '{(string?)line["body"]?["model"]}' does not match the deployment of this batch.");
        }
    }

    /// <summary>Answers lines (all, or the first <see cref="ServerBatch.AnsweredBeforeStop"/>) and writes the output and error files in an order of their own.</summary>
    void Finish(ServerBatch batch, IReadOnlyList<string> lines, string status)
    {
        var output = new List<string>();
        var errors = new List<string>();
        var limit = status == "completed" ? lines.Count : Math.Min(batch.AnsweredBeforeStop ?? 0, lines.Count);
        for (var i = 0; i < limit; i++)
        {
            var node = JsonNode.Parse(lines[i])!.AsObject();
            var customId = (string)node["custom_id"]!;
            using var body = JsonDocument.Parse(node["body"]!.ToJsonString());
            switch (answer(new BatchLine(i + 1, customId, (string)node["method"]!, (string)node["url"]!, body.RootElement.Clone())))
            {
                case LineReply.Answer a:
                    output.Add(ResultLine(customId, 200, Completion((string?)node["body"]!["model"] ?? "", a)));
                    batch.Completed++;
                    break;
                case LineReply.HttpError e:
                    errors.Add(ResultLine(customId, e.Status, new JsonObject { ["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.Message } }));
                    batch.Failed++;
                    break;
            }
        }
        // Results come back in any order: reverse them, so nothing can lean on the input's order.
        output.Reverse();
        errors.Reverse();
        if (output.Count > 0) batch.OutputFileId = Store("batch_output", output);
        if (errors.Count > 0) batch.ErrorFileId = Store("batch_output", errors);
        batch.Status = status;
    }

    string Store(string purpose, IEnumerable<string> lines)
    {
        var file = new StoredFile(Interlocked.Increment(ref ids), $"file-{Guid.NewGuid():N}", purpose, "results.jsonl",
            Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        files[file.Id] = file;
        return file.Id;
    }

    static string ResultLine(string customId, int status, JsonObject body) => new JsonObject
    {
        ["id"] = $"batch_req_{Guid.NewGuid():N}",
        ["custom_id"] = customId,
        ["response"] = new JsonObject { ["status_code"] = status, ["request_id"] = Guid.NewGuid().ToString(), ["body"] = body },
        ["error"] = null,
    }.ToJsonString();

    /// <summary>A chat completion as Azure's batch output carries it: the same object a chat call answers with.</summary>
    public static JsonObject Completion(string model, LineReply.Answer answer) => JsonNode.Parse(
        global::RegressionGate.Tests.Llm.Reply.Completion(answer.Content, answer.PromptTokens, answer.CompletionTokens).Body)!.AsObject();

    JsonObject Describe(ServerBatch batch) => new()
    {
        ["id"] = batch.Id,
        ["object"] = "batch",
        ["endpoint"] = batch.Endpoint,
        ["errors"] = batch.Errors.Count == 0 ? null : new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(batch.Errors.Select(e => (JsonNode)e.DeepClone()).ToArray()),
        },
        ["input_file_id"] = batch.InputFileId,
        ["completion_window"] = "24h",
        ["status"] = batch.Status,
        ["output_file_id"] = batch.OutputFileId,
        ["error_file_id"] = batch.ErrorFileId,
        ["created_at"] = 1_726_000_000,
        ["request_counts"] = new JsonObject { ["total"] = batch.Total, ["completed"] = batch.Completed, ["failed"] = batch.Failed },
        ["metadata"] = null,
    };

    static List<string> Lines(byte[] content) =>
        Encoding.UTF8.GetString(content).Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();

    static Task Json(HttpContext context, JsonNode node)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(node.ToJsonString(), context.RequestAborted);
    }

    static Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return Json(context, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }
}
