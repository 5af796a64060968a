using System.Text.Json.Nodes;
using RegressionGate.Files;

namespace RegressionGate.Answers;

/// <summary>
/// <c>answers.endpoint</c>: the team's assistant over HTTP. The gate POSTs <see cref="Body"/> as JSON to
/// <see cref="Url"/>, with <c>{{question}}</c> and <c>{{questionId}}</c> inside its strings filled in, then reads the
/// answer and the ids of the segments it was given from the reply with two JSON paths. Header values may name
/// environment variables as <c>${NAME}</c>; they are read at run time and never recorded, so credentials belong there,
/// not in the URL.
/// </summary>
public sealed record EndpointSettings
{
    /// <summary>The assistant's URL (http or https, no user name or password in it).</summary>
    public required Uri Url { get; init; }

    /// <summary>The request body template.</summary>
    public required JsonNode Body { get; init; }

    /// <summary>Where the answer text is in the reply, e.g. <c>$.answer</c>.</summary>
    public required JsonPath AnswerPath { get; init; }

    /// <summary>Where the retrieved segment ids are, e.g. <c>$.sources[*].id</c>.</summary>
    public required JsonPath SegmentIdsPath { get; init; }

    /// <summary>Extra request headers, values with <c>${NAME}</c> references to environment variables.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    internal static EndpointSettings Read(JsonFields section)
    {
        section.RejectUnknown("url", "body", "answerPath", "segmentIdsPath", "headers", "timeoutSeconds");
        var url = section.RequiredString("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw section.Error("url", $"'{url}' is not an absolute http(s) URL");
        if (uri.UserInfo.Length > 0)
            throw section.Error("url", "must not hold a user name or password: put credentials in a header that names an environment variable, e.g. \"Authorization\": \"Bearer ${ASSISTANT_TOKEN}\"");
        var body = section.OptionalNode("body") ?? throw section.Error("body", "is missing: the JSON to send, with {{question}} where the question goes");
        if (!body.ToJsonString().Contains(EndpointRequest.QuestionPlaceholder, StringComparison.Ordinal))
            throw section.Error("body", $"never mentions {EndpointRequest.QuestionPlaceholder}, so every question would send the same request");
        return new EndpointSettings
        {
            Url = uri,
            Body = body,
            AnswerPath = Path(section, "answerPath"),
            SegmentIdsPath = Path(section, "segmentIdsPath"),
            Headers = section.OptionalStringMap("headers"),
            Timeout = TimeSpan.FromSeconds(section.OptionalDouble("timeoutSeconds", 60, 1, 3600)),
        };
    }

    static JsonPath Path(JsonFields section, string name)
    {
        var text = section.RequiredString(name);
        return JsonPath.TryParse(text, out var path, out var problem) ? path : throw section.Error(name, problem);
    }
}
