using Microsoft.Extensions.AI;

namespace RegressionGate.Judging;

/// <summary>Exactly what a judge sends for one repeat: tooling uses it to compute keys or author recordings by hand.</summary>
internal sealed record JudgeRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions Options);
