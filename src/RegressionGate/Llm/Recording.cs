namespace RegressionGate.Llm;

/// <summary>One recorded exchange: the canonical request, what the model answered, and where the answer came from.</summary>
/// <param name="Model">The model the service says answered (e.g. <c>gpt-4o-mini-2024-07-18</c>), where known.</param>
internal sealed record Recording(
    CanonicalRequest Request,
    string ResponseText,
    string? Model,
    string? FinishReason,
    TokenUsage? Usage,
    DateTimeOffset RecordedAt,
    RecordingProvenance Provenance)
{
    public string Key => Request.Key;
}
