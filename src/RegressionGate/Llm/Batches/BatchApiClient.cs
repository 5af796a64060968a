using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RegressionGate.Llm.Batches;

/// <summary>
/// The Files and Batches REST APIs of a connection, sent through the SDK client's own pipeline (its authentication,
/// retries and timeout), with the protocol shapes written out rather than the SDK's typed file client, which fails
/// against the OpenAI library version this package resolves. Azure OpenAI is spoken on its classic paths
/// (<c>{endpoint}/openai/files?api-version=…</c>), an OpenAI-compatible endpoint on <c>{base}/files</c>.
/// Failures are <see cref="LlmBatchException"/>s naming the endpoint and the call, never the key.
/// </summary>
internal sealed class BatchApiClient
{
    /// <summary>The API version of the classic Azure paths: the one Azure.AI.OpenAI's chat client sends (the tests hold them equal).</summary>
    public const string AzureApiVersion = "2024-10-21";

    /// <summary>The only completion window the Batch API offers.</summary>
    public const string CompletionWindow = "24h";

    /// <summary>Uploads and downloads may be far larger than a chat call; they get at least this long per attempt.</summary>
    static readonly TimeSpan TransferTimeout = TimeSpan.FromMinutes(10);

    readonly LlmConnection connection;
    readonly ClientPipeline pipeline;
    readonly LlmClientOptions options;

    public BatchApiClient(LlmConnection connection, LlmClientOptions options)
    {
        this.connection = connection;
        this.options = options;
        pipeline = LlmClientFactory.SdkClient(connection, options).Pipeline;
    }

    /// <summary>
    /// The <c>url</c> of each line and the batch's <c>endpoint</c>: the chat-completions path relative to the service's
    /// root, <c>/chat/completions</c> on Azure OpenAI, <c>/v1/chat/completions</c> on OpenAI.
    /// </summary>
    public string ChatCompletionsUrl => connection.Provider == LlmProvider.AzureOpenAI
        ? "/chat/completions"
        : connection.Endpoint.AbsolutePath.TrimEnd('/') + "/chat/completions";

    /// <summary>Uploads a JSON Lines file with purpose <c>batch</c>.</summary>
    public async Task<BatchFile> UploadAsync(byte[] jsonl, string fileName, CancellationToken cancellationToken)
    {
        var boundary = "regression-gate-" + Guid.NewGuid().ToString("N");
        var form = new MultipartFormDataContent(boundary)
        {
            { new StringContent("batch"), "purpose" },
        };
        var file = new ByteArrayContent(jsonl);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        form.Add(file, "file", fileName);
        var bytes = await form.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var response = await SendAsync("POST", "files", BinaryContent.Create(BinaryData.FromBytes(bytes)),
            form.Headers.ContentType!.ToString(), TransferTimeout, cancellationToken).ConfigureAwait(false);
        return response.Read(BatchFile.Parse);
    }

    public async Task<BatchFile> GetFileAsync(string fileId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("GET", $"files/{Uri.EscapeDataString(fileId)}", null, null, null, cancellationToken).ConfigureAwait(false);
        return response.Read(BatchFile.Parse);
    }

    /// <summary>Creates a batch of the chat-completion requests in an uploaded, processed file.</summary>
    public async Task<BatchJob> CreateAsync(string inputFileId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = ChatCompletionsUrl,
            ["completion_window"] = CompletionWindow,
        };
        using var response = await SendAsync("POST", "batches", BinaryContent.Create(BinaryData.FromString(body.ToJsonString())),
            "application/json", null, cancellationToken).ConfigureAwait(false);
        return response.Read(BatchJob.Parse);
    }

    public async Task<BatchJob> GetAsync(string batchId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("GET", $"batches/{Uri.EscapeDataString(batchId)}", null, null, null, cancellationToken).ConfigureAwait(false);
        return response.Read(BatchJob.Parse);
    }

    /// <summary>The lines of a file's content (an output or error file), read as they arrive; blank lines skipped.</summary>
    public async IAsyncEnumerable<string> ReadLinesAsync(string fileId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync("GET", $"files/{Uri.EscapeDataString(fileId)}/content", null, null, TransferTimeout, cancellationToken,
            buffer: false).ConfigureAwait(false);
        using var reader = new StreamReader(response.Stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line)) yield return line;
        }
    }

    Uri Url(string path)
    {
        var endpoint = new UriBuilder(connection.Endpoint) { Query = "", Fragment = "", UserName = "", Password = "" };
        var basePath = endpoint.Path.TrimEnd('/');
        if (connection.Provider == LlmProvider.AzureOpenAI)
        {
            endpoint.Path = $"{basePath}/openai/{path}";
            endpoint.Query = "api-version=" + AzureApiVersion;
        }
        else
        {
            endpoint.Path = $"{basePath}/{path}";
        }
        return endpoint.Uri;
    }

    async Task<Response> SendAsync(string method, string path, BinaryContent? content, string? contentType, TimeSpan? timeout,
        CancellationToken cancellationToken, bool buffer = true)
    {
        var call = $"{method} {DisplayPath(path)}";
        var message = pipeline.CreateMessage();
        try
        {
            message.Request.Method = method;
            message.Request.Uri = Url(path);
            message.Request.Headers.Set("Accept", "application/json");
            if (content is not null)
            {
                message.Request.Content = content;
                message.Request.Headers.Set("Content-Type", contentType ?? "application/json");
            }
            message.BufferResponse = buffer;
            if (timeout is { } t && t > options.Timeout) message.NetworkTimeout = t;
            message.Apply(new RequestOptions { CancellationToken = cancellationToken });
            await pipeline.SendAsync(message).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is ClientResultException or HttpRequestException or IOException
                                      or OperationCanceledException or AggregateException)
        {
            message.Dispose();
            throw new LlmBatchException($"{connection} could not be reached for {call}: {Redact(Innermost(e).Message)}");
        }
        var response = message.Response!;
        if (response.IsError)
        {
            var status = response.Status;
            var body = buffer ? response.Content.ToString() : await ReadAsync(response, cancellationToken).ConfigureAwait(false);
            message.Dispose();
            var detail = Redact(ServiceError.Detail(body));
            throw new LlmBatchException(
                $"{connection} answered HTTP {status.ToString(CultureInfo.InvariantCulture)} to {call}{(detail.Length > 0 ? ": " + detail : "")}{ServiceError.Hint(status)}");
        }
        return new Response(message, call, this);
    }

    static async Task<string> ReadAsync(PipelineResponse response, CancellationToken cancellationToken)
    {
        if (response.ContentStream is null) return "";
        using var reader = new StreamReader(response.ContentStream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The path a message names: the service-relative part only, so an endpoint's own path or query never shows.</summary>
    string DisplayPath(string path) => connection.Provider == LlmProvider.AzureOpenAI ? $"/openai/{path}" : $"/{path}";

    string Redact(string text) => connection.Redact(text);

    static Exception Innermost(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? Innermost(a.InnerExceptions[^1])
        : e.InnerException is null ? e : Innermost(e.InnerException);

    /// <summary>A successful response, disposed with its message.</summary>
    sealed class Response(PipelineMessage message, string call, BatchApiClient owner) : IDisposable
    {
        /// <summary>The body read by <paramref name="parse"/>; a body it cannot read is an <see cref="LlmBatchException"/>.</summary>
        public T Read<T>(Func<JsonElement, T> parse)
        {
            try
            {
                using var document = JsonDocument.Parse(message.Response!.Content);
                return parse(document.RootElement);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw new LlmBatchException($"{owner.connection} answered {call} with something other than the expected JSON ({ServiceError.Shorten(e.Message)})");
            }
        }

        public Stream Stream => message.Response!.ContentStream ?? Stream.Null;

        public void Dispose() => message.Dispose();
    }
}
