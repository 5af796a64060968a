using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;

namespace RegressionGate.Gate;

/// <summary>What retrieval and judging produced for a golden set, before any comparison with snapshots.</summary>
/// <param name="Input">The golden set and settings that were evaluated.</param>
/// <param name="Retriever">The identity of the retriever that ranked.</param>
/// <param name="Judge">The identity of the judge, or null when no answer was judged.</param>
/// <param name="LlmMode">The recording mode judging used, or <c>none</c> when no model was involved.</param>
/// <param name="Rankings">Each question's top-k, by question id.</param>
/// <param name="Judged">Each answered question's judgment or judge failure, by question id.</param>
/// <param name="Recordings">LLM recordings used, counted by provenance source.</param>
/// <param name="Elapsed">How long retrieval and judging took.</param>
public sealed record GateEvaluation(
    GateInput Input,
    RetrieverIdentity Retriever,
    JudgeIdentity? Judge,
    string LlmMode,
    IReadOnlyDictionary<string, IReadOnlyList<RankedSegment>> Rankings,
    IReadOnlyDictionary<string, JudgeOutcome> Judged,
    IReadOnlyDictionary<string, int> Recordings,
    TimeSpan Elapsed)
{
    /// <summary>The golden set that was evaluated.</summary>
    public GoldenSet Golden => Input.Golden;

    /// <summary>The settings it was evaluated under.</summary>
    public GateSettings Settings => Input.Settings;
}
