using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RegressionGate.Tests.Llm;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that speaks the chat-completions API of Azure OpenAI
/// (<c>/openai/deployments/{d}/chat/completions?api-version=…</c>) and OpenAI (<c>/v1/chat/completions</c>).
/// Every request is observed; the test's handler decides each reply and may block until the client gives up.
/// </summary>
public sealed class LoopbackOpenAIServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly Func<ObservedRequest, Task<Reply>> handler;
    readonly ConcurrentQueue<ObservedRequest> requests = new();
    int count;
    int inFlight;
    int maxInFlight;
    bool stopped;

    LoopbackOpenAIServer(Func<ObservedRequest, Task<Reply>> handler)
    {
        this.handler = handler;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(HandleAsync);
    }

    public static async Task<LoopbackOpenAIServer> StartAsync(Func<ObservedRequest, Task<Reply>> handler)
    {
        var server = new LoopbackOpenAIServer(handler);
        await server.app.StartAsync();
        return server;
    }

    public static Task<LoopbackOpenAIServer> StartAsync(Func<ObservedRequest, Reply> handler) =>
        StartAsync(request => Task.FromResult(handler(request)));

    /// <summary>E.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new(app.Urls.Single().TrimEnd('/') + "/");

    public IReadOnlyList<ObservedRequest> Requests => requests.OrderBy(r => r.Number).ToList();

    public int Count => Volatile.Read(ref count);

    /// <summary>The most requests the server held at one moment, from arrival until their reply began.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Stops listening and aborts requests still being handled; afterwards nothing answers on the port.</summary>
    public async Task StopAsync()
    {
        if (stopped) return;
        stopped = true;
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        await app.StopAsync(now.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }

    async Task HandleAsync(HttpContext context)
    {
        var current = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref maxInFlight, current);
        var number = Interlocked.Increment(ref count);
        try
        {
            string body;
            try
            {
                body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
            }
            catch
            {
                Interlocked.Decrement(ref inFlight);
                throw;
            }
            var request = new ObservedRequest(
                number,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Query["api-version"].ToString(),
                context.Request.Headers["api-key"].ToString(),
                context.Request.Headers.Authorization.ToString(),
                body,
                context.RequestAborted,
                context.Request.QueryString.Value ?? "");
            requests.Enqueue(request);

            Reply reply;
            try
            {
                reply = await handler(request);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                // Out of flight before the reply starts: the client cannot have its answer yet, so the server's
                // count never exceeds the client's real concurrency.
                Interlocked.Decrement(ref inFlight);
            }
            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
