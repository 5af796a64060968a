using static RegressionGate.Llm.LlmEnvironmentVariables;

namespace RegressionGate.Llm;

/// <summary>
/// Where a live model is and how to authenticate. The key, and whatever secret the endpoint URL carries (a
/// <c>?sig=…</c> query, <c>user:secret@</c>), are held privately: <see cref="ToString"/> and every message show the
/// endpoint as scheme://host[:port]/path only, and <see cref="Redact"/> scrubs them from text that came from elsewhere.
/// </summary>
internal sealed class LlmConnection
{
    /// <summary>Used when <c>OPENAI_API_KEY</c> and <c>OPENAI_MODEL</c> are set without <c>OPENAI_BASE_URL</c>.</summary>
    public static readonly Uri DefaultOpenAIBaseUrl = new("https://api.openai.com/v1");

    public LlmConnection(LlmProvider provider, Uri endpoint, string model, string apiKey)
    {
        if (string.IsNullOrWhiteSpace(model)) throw new ArgumentException("a model or deployment name is required", nameof(model));
        if (string.IsNullOrEmpty(apiKey)) throw new ArgumentException("an API key is required", nameof(apiKey));
        Provider = provider;
        Endpoint = endpoint;
        Model = model;
        ApiKey = apiKey;
    }

    public LlmProvider Provider { get; }

    public Uri Endpoint { get; }

    /// <summary>The endpoint as messages show it: scheme://host[:port]/path, without userinfo, query or fragment.</summary>
    public string DisplayEndpoint => Display(Endpoint);

    /// <summary>The Azure deployment, or the OpenAI model: what recording keys name.</summary>
    public string Model { get; }

    internal string ApiKey { get; }

    /// <summary>
    /// The connection the environment describes: Azure OpenAI when any <c>AZURE_OPENAI_*</c> variable is set, else an
    /// OpenAI-compatible endpoint when any <c>OPENAI_*</c> is, else <c>null</c>. Partial or invalid settings throw
    /// <see cref="LlmConfigurationException"/> naming what is missing.
    /// </summary>
    public static LlmConnection? FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (Get(AzureEndpoint) is not null || Get(AzureApiKey) is not null || Get(AzureDeployment) is not null)
        {
            RequireAll("Azure OpenAI", [AzureEndpoint, AzureApiKey, AzureDeployment], Get);
            return new LlmConnection(LlmProvider.AzureOpenAI, ParseUrl(AzureEndpoint, Get(AzureEndpoint)!), Get(AzureDeployment)!, Get(AzureApiKey)!);
        }
        if (Get(OpenAIApiKey) is not null || Get(OpenAIModel) is not null || Get(OpenAIBaseUrl) is not null)
        {
            RequireAll("The OpenAI-compatible endpoint", [OpenAIApiKey, OpenAIModel], Get);
            var baseUrl = Get(OpenAIBaseUrl) is { } url ? ParseUrl(OpenAIBaseUrl, url) : DefaultOpenAIBaseUrl;
            return new LlmConnection(LlmProvider.OpenAICompatible, baseUrl, Get(OpenAIModel)!, Get(OpenAIApiKey)!);
        }
        return null;
    }

    /// <summary>Like <see cref="FromEnvironment"/>, but nothing configured is an error too; <paramref name="purpose"/> says what needs the model.</summary>
    public static LlmConnection Require(IReadOnlyDictionary<string, string?> environment, string purpose) =>
        FromEnvironment(environment) ?? throw NotConfigured(purpose);

    internal static LlmConfigurationException NotConfigured(string purpose) => new(
        $"{purpose} needs a live model, but none is configured. Set {AzureEndpoint}, {AzureApiKey} and {AzureDeployment} " +
        $"for Azure OpenAI, or {OpenAIApiKey} and {OpenAIModel} (and {OpenAIBaseUrl} for an endpoint other than OpenAI's) " +
        "for an OpenAI-compatible endpoint.",
        [AzureEndpoint, AzureApiKey, AzureDeployment, OpenAIBaseUrl, OpenAIApiKey, OpenAIModel]);

    public override string ToString() => Provider == LlmProvider.AzureOpenAI
        ? $"Azure OpenAI at {DisplayEndpoint} (deployment '{Model}')"
        : $"OpenAI-compatible endpoint {DisplayEndpoint} (model '{Model}')";

    /// <summary>
    /// <paramref name="text"/> with every secret of this connection replaced by <c>***</c>: the key, the endpoint's
    /// userinfo, and its query and fragment, whole and parameter by parameter (a server may echo them in any order).
    /// </summary>
    public string Redact(string text)
    {
        foreach (var secret in Secrets().OrderByDescending(s => s.Length))
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }

    /// <summary>Whether <paramref name="text"/> holds any secret of this connection.</summary>
    public bool Reveals(string text) => Secrets().Any(secret => text.Contains(secret, StringComparison.Ordinal));

    IEnumerable<string> Secrets()
    {
        yield return ApiKey;
        foreach (var part in (string[])[Endpoint.UserInfo, Endpoint.Query.TrimStart('?'), Endpoint.Fragment.TrimStart('#')])
        {
            if (part.Length == 0) continue;
            yield return part;
            yield return Uri.UnescapeDataString(part);
            foreach (var piece in part.Split('&', ':', '='))
            {
                // Names such as "sig" or "se" are not secret, and too short to replace without mangling other text.
                if (piece.Length >= 6) yield return piece;
                if (piece.Length >= 6 && Uri.UnescapeDataString(piece) != piece) yield return Uri.UnescapeDataString(piece);
            }
        }
    }

    static string Display(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    static void RequireAll(string what, IReadOnlyList<string> names, Func<string, string?> get)
    {
        var missing = names.Where(n => get(n) is null).ToList();
        if (missing.Count == 0) return;
        var present = names.Except(missing).ToList();
        var set = present.Count == 0 ? "" : $" ({string.Join(", ", present)} {(present.Count == 1 ? "is" : "are")} set)";
        throw new LlmConfigurationException($"{what} is only partly configured{set}: set {string.Join(" and ", missing)}.", missing);
    }

    static Uri ParseUrl(string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            throw new LlmConfigurationException($"{name} must be an absolute http(s) URL, and its value is not a URL.", [name]);
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            // Other schemes split their URLs differently, so only the scheme and host are sure to hold no secret.
            throw new LlmConfigurationException($"{name} must be an absolute http(s) URL, found a {uri.Scheme} URL ({uri.Scheme}://{uri.Host}).", [name]);
        return uri;
    }
}
