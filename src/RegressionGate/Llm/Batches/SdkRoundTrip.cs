using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace RegressionGate.Llm.Batches;

/// <summary>
/// The chat client of a connection on a transport that never leaves the process, so the SDK itself writes a batch line's
/// body and reads a batch result: a batched request is byte for byte what <c>--llm record</c> would post, and its answer
/// becomes the very <see cref="ChatResponse"/> a live call would have returned, so both record the same recording.
/// </summary>
internal sealed class SdkRoundTrip : IDisposable
{
    /// <summary>What the transport answers the current call with; echoing the request when null.</summary>
    static readonly AsyncLocal<string?> Reply = new();

    readonly IChatClient chat;
    readonly string model;

    public SdkRoundTrip(LlmConnection connection)
    {
        model = connection.Model;
        var transport = new HttpClientPipelineTransport(new HttpClient(new InProcessHandler(model)));
        chat = LlmClientFactory.SdkClient(connection, new LlmClientOptions { MaxRetries = 0 }, transport).GetChatClient(model).AsIChatClient();
    }

    /// <summary>The chat-completions body the SDK sends for this request, its <c>model</c> the deployment (or model).</summary>
    public async Task<JsonObject> BodyAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        Reply.Value = null;
        var echoed = await chat.GetResponseAsync(messages, RecordingChatClient.ForModel(options), cancellationToken).ConfigureAwait(false);
        var body = JsonNode.Parse(echoed.Text) as JsonObject ?? throw new InvalidOperationException("the SDK sent a body that is not a JSON object");
        body["model"] = model;
        return body;
    }

    /// <summary>The response the SDK makes of <paramref name="completion"/> (a chat-completion object) as the answer to this request.</summary>
    public async Task<ChatResponse> ResponseAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string completion,
        CancellationToken cancellationToken)
    {
        Reply.Value = completion;
        return await chat.GetResponseAsync(messages, RecordingChatClient.ForModel(options), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => chat.Dispose();

    /// <summary>Answers each request with <see cref="Reply"/>, or with a completion whose text is the request's own body.</summary>
    sealed class InProcessHandler(string model) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var reply = Reply.Value;
            if (reply is null)
            {
                var body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                reply = new JsonObject
                {
                    ["id"] = "in-process",
                    ["object"] = "chat.completion",
                    ["created"] = 0,
                    ["model"] = model,
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = body },
                        ["finish_reason"] = "stop",
                    }),
                }.ToJsonString();
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(reply, Encoding.UTF8, "application/json") };
        }
    }
}
