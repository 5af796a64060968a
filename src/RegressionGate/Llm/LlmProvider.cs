namespace RegressionGate.Llm;

/// <summary>Which API a live model speaks.</summary>
internal enum LlmProvider
{
    /// <summary>Azure OpenAI: <c>/openai/deployments/{deployment}/chat/completions?api-version=…</c>, <c>api-key</c> header.</summary>
    AzureOpenAI,
    /// <summary>OpenAI or any endpoint that speaks its chat-completions API (<c>Authorization: Bearer</c>).</summary>
    OpenAICompatible,
}
