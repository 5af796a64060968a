using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Gate;

/// <summary>What retrieval and judging produced for a golden set, before any comparison with snapshots.</summary>
/// <param name="LlmMode">The recording mode judging used, or <c>none</c> when no model was involved.</param>
/// <param name="Rankings">Each question's top-k, by question id.</param>
/// <param name="Judged">Each answered question's judgment or judge failure, by question id.</param>
/// <param name="Recordings">LLM recordings used, counted by provenance source.</param>
public sealed record GateEvaluation(
    GoldenSet Golden,
    RetrieverIdentity Retriever,
    JudgeIdentity? Judge,
    string LlmMode,
    IReadOnlyDictionary<string, IReadOnlyList<RankedSegment>> Rankings,
    IReadOnlyDictionary<string, JudgeOutcome> Judged,
    IReadOnlyDictionary<string, int> Recordings,
    TimeSpan Elapsed);
