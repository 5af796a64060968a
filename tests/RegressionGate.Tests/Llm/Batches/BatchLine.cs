using System.Text.Json;

namespace RegressionGate.Tests.Llm.Batches;

/// <summary>One request of an uploaded batch file as the server read it.</summary>
/// <param name="Line">1-based line number in the file.</param>
public sealed record BatchLine(int Line, string CustomId, string Method, string Url, JsonElement Body)
{
    /// <summary>The text of the message with <paramref name="role"/>.</summary>
    public string Message(string role) => Body.GetProperty("messages").EnumerateArray()
        .Single(m => m.GetProperty("role").GetString() == role).GetProperty("content").GetString()!;
}

/// <summary>How the server answers one line of a batch.</summary>
public abstract record LineReply
{
    /// <summary>A chat completion with <paramref name="Content"/>, written to the output file.</summary>
    public sealed record Answer(string Content, int PromptTokens = 120, int CompletionTokens = 40) : LineReply;

    /// <summary>An HTTP error for this request, written to the error file as Azure does (<c>response.status_code</c> and an error body).</summary>
    public sealed record HttpError(int Status, string Code, string Message) : LineReply;

    /// <summary>A request the batch never got to: in neither file (an expired or cancelled batch).</summary>
    public sealed record NotReached : LineReply;
}
