using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RegressionGate.Environments;
using RegressionGate.Llm;

namespace RegressionGate.Answers;

/// <summary>
/// The team's assistant behind the chat-client interface, so the recording client records and replays it like a model:
/// the one user message is the request body, POSTed as JSON to the endpoint; the response text is the raw reply body,
/// which <see cref="EndpointAnswers"/> reads with the configured paths (so changing a path never invalidates a
/// recording). Header values are expanded from the environment at send time and never appear in a recording or message.
/// </summary>
internal sealed partial class EndpointChatClient : IChatClient
{
    readonly EndpointSettings settings;
    readonly HttpClient http;
    readonly IReadOnlyList<KeyValuePair<string, string>> headers;
    readonly IReadOnlyList<string> secrets;

    /// <summary>
    /// Expands the header values at once, so a variable that is not set stops the run before any work
    /// (<see cref="LlmConfigurationException"/>, exit code 2).
    /// </summary>
    public EndpointChatClient(EndpointSettings settings, IEnvironmentVariables environment, HttpMessageHandler? handler = null)
    {
        this.settings = settings;
        var values = new List<string>();
        headers = settings.Headers.Select(h => KeyValuePair.Create(h.Key, Expand(h.Key, h.Value, environment, values))).ToList();
        // The variables' values are the secrets, wherever a server echoes them; the longest are redacted first.
        secrets = values.Where(v => v.Length >= 4).OrderByDescending(v => v.Length).ToList();
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = settings.Timeout;
    }

    /// <summary>The endpoint without query or fragment: what recordings and messages name.</summary>
    public static string Display(Uri url) => url.GetLeftPart(UriPartial.Path);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = messages.Last(m => m.Role == ChatRole.User).Text;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EndpointCallException(string.Create(CultureInfo.InvariantCulture,
                $"{Display(settings.Url)} did not answer within {settings.Timeout.TotalSeconds:0.###} s (answers.endpoint.timeoutSeconds)"), null, e);
        }
        catch (HttpRequestException e)
        {
            throw new EndpointCallException($"{Display(settings.Url)} could not be reached: {Redact(e.Message)}", null);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new EndpointCallException(string.Create(CultureInfo.InvariantCulture,
                    $"{Display(settings.Url)} answered HTTP {status}: {Redact(Shorten(text))}"), status);
            }
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = ChatFinishReason.Stop };
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the endpoint is asked for whole replies only");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => http.Dispose();

    string Redact(string text) => secrets.Aggregate(text, (t, secret) => t.Replace(secret, "***", StringComparison.Ordinal));

    static string Shorten(string text)
    {
        text = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    static string Expand(string header, string value, IEnvironmentVariables environment, List<string> values) =>
        Variable().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            return environment.Get(name) is { Length: > 0 } set
                ? Keep(set, values)
                : throw new LlmConfigurationException($"The header '{header}' of answers.endpoint names ${{{name}}}, but {name} is not set.", [name]);
        });

    static string Keep(string value, List<string> values)
    {
        values.Add(value);
        return value;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
